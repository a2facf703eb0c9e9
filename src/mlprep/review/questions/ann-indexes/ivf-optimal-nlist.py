"""nlist minimising centroid comparisons plus list scanning for a flat-quantiser IVF index."""

import math


def answer() -> float:
    n, nprobe = 100_000_000, 16  # as stated in the question
    return math.sqrt(nprobe * n)
