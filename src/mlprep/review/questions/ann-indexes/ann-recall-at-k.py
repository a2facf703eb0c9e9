"""ANN recall@10 against exact search, from the overlap of each query's top-10."""


def answer() -> float:
    k, overlaps = 10, [10, 9, 7, 10]  # as stated in the question
    return sum(overlaps) / (k * len(overlaps))
