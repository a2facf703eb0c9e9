"""Hand-made edge cases (relevant items below the cut-off, k beyond the list, k = 1, queries
with nothing to find, relevant items never retrieved, perfect and worst rankings), then seeded
random cases of many shapes."""

import numpy as np

from mlprep.problems import Case


def _rel(rows):
    return np.array(rows, dtype=np.int64)


def _n(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "two_queries_top4",
        (_rel([[1, 0, 1, 0, 1, 1], [0, 1, 0, 1, 0, 0]]), _n([4, 3]), 4),
        "basic",
    )
    yield Case(
        "query_with_nothing_to_find",
        (_rel([[0, 1, 1, 0], [0, 0, 0, 0]]), _n([2, 0]), 3),
        "no relevant item",
    )
    yield Case("k_larger_than_list", (_rel([[1, 0, 1], [0, 0, 1]]), _n([2, 4]), 10), "k > L")

    # Relevant items below the cut-off must not contribute.
    yield Case(
        "relevant_below_cutoff",
        (_rel([[0, 1, 0, 1, 1, 1, 1], [1, 0, 0, 0, 1, 1, 0]]), _n([5, 3]), 3),
        "cut at k",
    )
    # n_relevant exceeds k: the denominator is k, not n_relevant.
    yield Case(
        "many_relevant_small_k",
        (_rel([[1, 1, 0, 1, 1], [0, 1, 1, 1, 0]]), _n([8, 6]), 4),
        "min(k, n_relevant)",
    )
    # n_relevant below k: the denominator is n_relevant, not k.
    yield Case(
        "few_relevant_large_k",
        (_rel([[0, 1, 0, 0, 0, 0, 0, 0], [0, 0, 1, 0, 1, 0, 0, 0]]), _n([1, 3]), 8),
        "min(k, n_relevant)",
    )
    # Relevant items never retrieved: the hits in the list are not the denominator.
    yield Case(
        "relevant_not_retrieved",
        (_rel([[1, 0, 0, 0, 0], [0, 0, 1, 0, 0]]), _n([3, 2]), 5),
        "not retrieved",
    )
    yield Case(
        "zero_queries_count",
        (_rel([[1, 1, 0], [0, 0, 0], [0, 0, 0], [0, 1, 0]]), _n([2, 0, 0, 1]), 3),
        "no relevant item",
    )
    yield Case(
        "all_queries_empty",
        (np.zeros((3, 5), dtype=np.int64), _n([0, 0, 0]), 4),
        "no relevant item",
    )
    yield Case(
        "k_much_larger_than_list",
        (_rel([[0, 1, 1, 0], [1, 0, 0, 1], [0, 0, 0, 1]]), _n([6, 2, 1]), 500),
        "k > L",
    )
    yield Case("k_one", (_rel([[1, 0, 1], [0, 1, 1], [1, 1, 1]]), _n([2, 2, 5]), 1), "k = 1")
    yield Case("k_equals_list_length", (_rel([[0, 1, 0, 1, 1]]), _n([4]), 5), "k = L")
    yield Case(
        "perfect_ranking", (_rel([[1, 1, 1, 0, 0], [1, 0, 0, 0, 0]]), _n([3, 1]), 5), "perfect"
    )
    yield Case("worst_ranking", (_rel([[0, 0, 0, 1, 1], [0, 0, 0, 0, 1]]), _n([2, 1]), 5), "worst")
    yield Case("single_cell", (_rel([[1]]), _n([1]), 1), "tiny")
    yield Case("single_query_miss", (_rel([[0, 0]]), _n([2]), 2), "tiny")

    for i, (q, length, k, density, zero_frac) in enumerate(
        [
            (100, 20, 5, 0.2, 0.1),
            (2000, 10, 3, 0.3, 0.3),
            (500, 100, 10, 0.05, 0.0),
            (300, 50, 200, 0.1, 0.2),
            (50, 1000, 100, 0.01, 0.5),
            (1000, 30, 1, 0.4, 0.05),
            (200, 40, 20, 0.6, 0.0),
        ]
    ):
        rel = (rng.random((q, length)) < density).astype(np.int64)
        missing = rng.integers(0, 6, size=q)  # relevant items the list did not retrieve
        n_relevant = rel.sum(axis=1) + missing
        empty = rng.random(q) < zero_frac
        rel[empty] = 0
        n_relevant[empty] = 0
        yield Case(f"random_{i}", (rel, n_relevant.astype(np.int64), k), "random")
