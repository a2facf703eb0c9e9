"""Hand-made edge cases (hit at rank 1, no hit at all, several hits, one column, one query),
then seeded random relevance matrices of many shapes and densities."""

import numpy as np

from mlprep.problems import Case


def _rel(rows):
    return np.array(rows, dtype=np.int64)


def cases(rng):
    yield Case("three_queries", (_rel([[0, 1, 0, 1], [1, 0, 0, 0], [0, 0, 1, 1]]),), "basic")
    yield Case("query_without_hit", (_rel([[0, 0, 1], [0, 0, 0]]),), "no relevant item")
    yield Case("first_hit_at_rank_one", (_rel([[1, 1, 0, 1], [1, 0, 1, 0]]),), "rank 1")

    # A row of zeros scores 0 and still counts in the mean.
    yield Case("all_rows_empty", (np.zeros((4, 6), dtype=np.int64),), "no relevant item")
    yield Case(
        "one_empty_among_hits", (_rel([[0, 1, 0], [0, 0, 0], [1, 0, 0]]),), "no relevant item"
    )
    yield Case(
        "empty_row_first", (_rel([[0, 0, 0, 0], [0, 0, 0, 1], [0, 1, 1, 1]]),), "no relevant item"
    )
    # The first relevant item decides, not the last one or the number of hits.
    yield Case("several_hits_per_row", (_rel([[0, 1, 1, 1, 1], [0, 0, 1, 0, 1]]),), "several hits")
    yield Case("hit_only_at_last_rank", (_rel([[0, 0, 0, 0, 0, 0, 0, 1]]),), "late hit")
    yield Case("all_relevant", (np.ones((3, 5), dtype=np.int64),), "rank 1")
    yield Case("single_query_rank_one", (_rel([[1, 0, 0]]),), "one query")
    yield Case("single_query_rank_three", (_rel([[0, 0, 1, 1]]),), "one query")
    yield Case("single_column", (_rel([[1], [0], [1], [0], [0]]),), "one column")
    yield Case("single_cell_zero", (_rel([[0]]),), "one column")
    yield Case("single_cell_one", (_rel([[1]]),), "one column")
    yield Case(
        "mixed_ranks",
        (_rel([[0, 0, 0, 1, 0, 1], [0, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0]]),),
        "basic",
    )

    for i, (q, length, density) in enumerate(
        [
            (50, 10, 0.2),
            (500, 20, 0.05),
            (2000, 30, 0.1),
            (300, 200, 0.01),
            (1000, 5, 0.5),
            (20, 1000, 0.003),
        ]
    ):
        rel = (rng.random((q, length)) < density).astype(np.int64)
        yield Case(f"random_{i}", (rel,), "random")
