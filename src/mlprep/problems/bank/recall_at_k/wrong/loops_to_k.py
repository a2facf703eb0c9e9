"""Loops over range(k) with direct indexing: IndexError when k exceeds the list length."""


def recall_at_k(relevance, n_relevant, k):
    scores = []
    for row, n in zip(relevance, n_relevant):
        if n == 0:
            continue
        hits = sum(int(row[i]) for i in range(k))
        scores.append(hits / n)
    return sum(scores) / len(scores) if scores else 0.0
