"""All-point interpolated average precision from a ranked TP/FP list."""


def answer() -> float:
    n_objects, hits = 4, [1, 0, 1, 1, 0]  # as stated in the question (1 = TP, 0 = FP)
    points, tp = [], 0
    for k, hit in enumerate(hits, start=1):
        tp += hit
        points.append((tp / n_objects, tp / k))  # (recall, precision)
    ap, previous_recall = 0.0, 0.0
    for recall in sorted({r for r, _ in points}):
        best = max(p for r, p in points if r >= recall)
        ap += (recall - previous_recall) * best
        previous_recall = recall
    return ap
