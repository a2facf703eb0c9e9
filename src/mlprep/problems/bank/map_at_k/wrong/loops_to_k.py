"""Loops over range(k) with direct indexing: IndexError when k exceeds the list length."""


def map_at_k(relevance, n_relevant, k):
    total = 0.0
    for row, n in zip(relevance, n_relevant):
        hits, s = 0, 0.0
        for i in range(k):
            if row[i]:
                hits += 1
                s += hits / (i + 1)
        total += s / min(k, n) if n > 0 else 0.0
    return total / len(relevance)
