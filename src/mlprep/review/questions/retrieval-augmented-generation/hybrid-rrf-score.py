"""Reciprocal rank fusion score of a passage from its ranks in two lists."""


def answer() -> float:
    k, ranks = 60, [1, 3]  # as stated: 1st by BM25, 3rd by the dense retriever
    return sum(1 / (k + r) for r in ranks)
