"""Hand-made edge cases (k beyond the list, k = 1, all-zero, ideal and reversed orders, ties,
a highly relevant item below the cut-off, fractional grades), then seeded random rankings."""

import numpy as np

from mlprep.problems import Case


def _rel(values, dtype=np.int64):
    return np.array(values, dtype=dtype)


def cases(rng):
    yield Case("graded_top3", (_rel([3, 2, 3, 0, 1, 2]), 3), "basic")
    yield Case("k_larger_than_n", (_rel([1, 3, 0, 2]), 10), "k > n")
    yield Case("all_zero", (_rel([0, 0, 0, 0]), 3), "no relevant item")

    # IDCG ranks ALL items before cutting at k: the 5 below the cut-off counts for the ideal.
    yield Case("relevant_item_below_cutoff", (_rel([1, 0, 2, 5]), 2), "ideal over all items")
    yield Case("best_item_last", (_rel([2, 1, 1, 0, 0, 0, 0, 4]), 3), "ideal over all items")
    yield Case("only_relevant_below_cutoff", (_rel([0, 0, 0, 3, 1]), 2), "ideal over all items")
    yield Case("ideal_order", (_rel([5, 4, 3, 2, 1, 0]), 6), "ideal order")
    yield Case("ideal_order_cut", (_rel([5, 3, 3, 1, 0]), 2), "ideal order")
    yield Case("reversed_order", (_rel([0, 1, 2, 3, 4, 5]), 6), "reversed order")
    yield Case("reversed_order_cut", (_rel([0, 1, 2, 3, 4, 5]), 4), "reversed order")
    yield Case("k_one_best_first", (_rel([4, 0, 2, 4]), 1), "k = 1")
    yield Case("k_one_not_best", (_rel([2, 5, 1, 0]), 1), "k = 1")
    yield Case("k_one_single_item", (_rel([3]), 1), "k = 1")
    yield Case("single_zero_item", (_rel([0]), 5), "no relevant item")
    yield Case("all_zero_long", (np.zeros(50, dtype=np.int64), 10), "no relevant item")
    yield Case("k_much_larger_than_n", (_rel([0, 2, 1]), 100), "k > n")
    yield Case("k_equals_n", (_rel([2, 0, 3, 1, 0, 2]), 6), "k = n")
    yield Case("k_one_less_than_n", (_rel([1, 2, 0, 3, 2]), 4), "k < n")
    yield Case("ties_in_relevance", (_rel([2, 2, 1, 2, 1, 0, 1]), 5), "ties")
    yield Case("ties_ideal", (_rel([3, 3, 3, 1, 1]), 4), "ties")
    yield Case("binary_relevances", (_rel([0, 1, 0, 1, 1, 0, 0, 1]), 5), "binary")
    yield Case("graded_up_to_5", (_rel([1, 5, 0, 3, 4, 2, 5, 0]), 5), "graded")
    yield Case(
        "fractional_relevances",
        (_rel([0.5, 2.5, 1.2, 0.0, 3.7, 0.25], np.float64), 4),
        "non-integer relevances",
    )
    yield Case(
        "fractional_small",
        (_rel([0.1, 0.0, 0.7, 0.3], np.float64), 3),
        "non-integer relevances",
    )

    for i, (n, k, top) in enumerate(
        [(2000, 10, 5), (2000, 100, 3), (2000, 2000, 5), (500, 5000, 4), (1000, 1, 5), (300, 20, 1)]
    ):
        rel = rng.integers(0, top + 1, size=n).astype(np.int64)
        yield Case(f"random_{i}", (rel, k), "random")
    rel = np.round(rng.uniform(0, 4, size=800), 3)
    yield Case("random_fractional", (rel, 25), "non-integer relevances")
    # A good but imperfect ranking: sorted scores with noise.
    rel = np.sort(rng.integers(0, 6, size=1000))[::-1].copy()
    swap = rng.choice(1000, size=(100, 2), replace=False)
    rel[swap[:, 0]], rel[swap[:, 1]] = rel[swap[:, 1]], rel[swap[:, 0]]
    yield Case("random_near_ideal", (rel.astype(np.int64), 50), "random")
