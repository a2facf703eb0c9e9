"""|delta NDCG| for swapping two positions, exponential gains and log2 discounts."""

import math


def answer() -> float:
    rels, i, j = [0, 1, 3], 1, 3  # as stated in the question (positions are 1-based)

    def dcg(order: list[int]) -> float:
        return sum((2**r - 1) / math.log2(1 + k) for k, r in enumerate(order, start=1))

    swapped = list(rels)
    swapped[i - 1], swapped[j - 1] = swapped[j - 1], swapped[i - 1]
    ideal = dcg(sorted(rels, reverse=True))
    return abs(dcg(swapped) - dcg(rels)) / ideal
