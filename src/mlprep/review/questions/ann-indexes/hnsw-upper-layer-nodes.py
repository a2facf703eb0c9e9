"""Expected number of HNSW nodes whose top layer is at least 2."""


def answer() -> float:
    n, m, layer = 1_000_000, 16, 2  # as stated in the question
    return n * m ** (-layer)
