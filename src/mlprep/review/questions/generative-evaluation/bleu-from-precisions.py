"""BLEU with brevity penalty 1: the geometric mean of the four n-gram precisions."""

import math


def answer() -> float:
    precisions, bp = [0.8, 0.5, 0.3, 0.2], 1  # as stated in the question
    return bp * math.exp(sum(math.log(p) for p in precisions) / len(precisions))
