"""Doubly robust off-policy estimate from (model value, model pred, reward, weight) rows."""


def answer() -> float:
    # (model value under the new policy, model prediction, reward, weight), as stated
    rows = [(0.5, 0.6, 1, 2.0), (0.4, 0.3, 0, 0.5), (0.7, 0.5, 1, 1.5), (0.2, 0.4, 0, 0)]
    return sum(v + w * (r - pred) for v, pred, r, w in rows) / len(rows)
