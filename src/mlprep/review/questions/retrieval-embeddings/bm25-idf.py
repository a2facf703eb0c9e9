"""BM25 inverse document frequency, Lucene variant."""

import math


def answer() -> float:
    n_docs, n_with_term = 1_000_000, 100  # as stated in the question
    return math.log(1 + (n_docs - n_with_term + 0.5) / (n_with_term + 0.5))
