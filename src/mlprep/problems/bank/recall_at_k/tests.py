"""Hand-made edge cases (k beyond the list, k = 1, queries with nothing to find, relevant items
missing from the list, perfect lists), then seeded random cases of many shapes."""

import numpy as np

from mlprep.problems import Case


def _rel(rows):
    return np.array(rows, dtype=np.int64)


def _n(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "two_queries_top3",
        (_rel([[1, 0, 1, 1, 0], [0, 1, 0, 0, 1]]), _n([4, 2]), 3),
        "basic",
    )
    yield Case(
        "query_with_nothing_to_find",
        (_rel([[0, 1, 1, 0], [0, 0, 0, 0], [1, 0, 0, 0]]), _n([3, 0, 1]), 2),
        "no relevant item",
    )
    yield Case("k_larger_than_list", (_rel([[0, 1, 1], [1, 0, 0]]), _n([5, 1]), 10), "k > L")

    # Zero-relevant queries are excluded: neither 0 nor 1 in the mean.
    yield Case(
        "zero_queries_excluded",
        (_rel([[1, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 1, 0, 1]]), _n([2, 0, 0, 4]), 2),
        "no relevant item",
    )
    yield Case(
        "only_one_query_counts",
        (_rel([[0, 0, 0], [0, 1, 0], [0, 0, 0]]), _n([0, 3, 0]), 3),
        "no relevant item",
    )
    yield Case(
        "all_queries_excluded",
        (np.zeros((3, 4), dtype=np.int64), _n([0, 0, 0]), 2),
        "no relevant item",
    )
    yield Case("single_excluded_query", (_rel([[0, 0]]), _n([0]), 5), "no relevant item")
    # k beyond the list: every retrieved item counts, the denominator stays n_relevant.
    yield Case(
        "k_much_larger_than_list",
        (_rel([[1, 0, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]]), _n([2, 3, 6]), 1000),
        "k > L",
    )
    yield Case("k_equals_list_length", (_rel([[0, 1, 1, 0, 1]]), _n([4]), 5), "k = L")
    yield Case("k_one", (_rel([[1, 0, 1], [0, 1, 1], [1, 1, 1]]), _n([2, 2, 5]), 1), "k = 1")
    # Many relevant items are missing from the list entirely; recall stays below 1.
    yield Case(
        "relevant_items_not_retrieved",
        (_rel([[1, 1, 1, 0, 0, 0], [1, 1, 0, 0, 0, 0]]), _n([10, 7]), 4),
        "not retrieved",
    )
    yield Case(
        "k_smaller_than_n_relevant",
        (_rel([[1, 1, 1, 1, 1, 1], [1, 0, 1, 0, 1, 0]]), _n([6, 3]), 2),
        "k < n_relevant",
    )
    yield Case(
        "perfect_lists",
        (_rel([[1, 1, 0, 0], [1, 0, 0, 0]]), _n([2, 1]), 3),
        "perfect",
    )
    yield Case("single_cell", (_rel([[1]]), _n([1]), 1), "tiny")

    for i, (q, length, k, density, zero_frac) in enumerate(
        [
            (100, 20, 5, 0.2, 0.1),
            (2000, 10, 3, 0.3, 0.3),
            (500, 100, 10, 0.05, 0.0),
            (300, 50, 200, 0.1, 0.2),
            (50, 1000, 100, 0.01, 0.5),
            (1000, 30, 1, 0.4, 0.05),
        ]
    ):
        rel = (rng.random((q, length)) < density).astype(np.int64)
        missing = rng.integers(0, 6, size=q)  # relevant items the list did not retrieve
        n_relevant = rel.sum(axis=1) + missing
        empty = rng.random(q) < zero_frac
        rel[empty] = 0
        n_relevant[empty] = 0
        yield Case(f"random_{i}", (rel, n_relevant.astype(np.int64), k), "random")
