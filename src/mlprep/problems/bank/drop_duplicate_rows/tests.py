"""Hand-made cases first (first occurrence, column order, signed zeros), then seeded matrices
drawn from a small pool of distinct rows so that duplicates are frequent, scattered and far apart.

Pools are shuffled so that the first occurrences are not in sorted-row order, and most cases
repeat rows far from each other, so keeping the last copy, returning np.unique's order and
dropping only adjacent copies all give different answers.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example.
    yield Case(
        "scattered_duplicates",
        (np.array([[3.0, 4.0], [1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [1.0, 2.0]]),),
        "basic",
    )
    yield Case(
        "column_order_matters",
        (np.array([[1.0, 2.0], [2.0, 1.0], [1.0, 2.0]]),),
        "column order",
    )
    yield Case(
        "signed_zero_is_zero",
        (np.array([[0.0, 1.0], [-0.0, 1.0], [1.0, -0.0], [1.0, 0.0]]),),
        "signed zero",
    )

    yield Case("single_row", (np.array([[2.5, -1.0, 0.0]]),), "n = 1")
    yield Case("two_equal_rows", (np.array([[7.0], [7.0]]),), "tiny")
    yield Case("all_rows_equal", (np.tile(np.array([[1.5, -2.0, 3.0]]), (9, 1)),), "all duplicates")
    X = rng.normal(size=(40, 3))
    yield Case("no_duplicates", (X,), "no duplicates")
    yield Case(
        "single_column",
        (rng.integers(-3, 4, size=(60, 1)).astype(float),),
        "one column",
    )
    # Runs of adjacent copies mixed with copies that come back much later.
    pool = np.array([[4.0, 0.0], [1.0, 1.0], [0.0, 4.0], [2.0, 2.0]])
    yield Case("runs_and_returns", (pool[[0, 0, 1, 2, 2, 2, 3, 1, 0, 3, 3, 2]],), "scattered")
    # Every row is a permutation of every other; only exact copies may go.
    base = np.array([1.0, 2.0, 3.0])
    perms = np.array([base[p] for p in ([0, 1, 2], [2, 1, 0], [1, 0, 2], [0, 2, 1], [2, 0, 1])])
    yield Case("permuted_columns", (perms[rng.integers(0, 5, size=30)],), "column order")
    # Signed zeros everywhere: rows that differ only in the sign of a zero are duplicates.
    X = rng.choice(np.array([0.0, -0.0, 1.0]), size=(50, 3))
    yield Case("random_signed_zeros", (X,), "signed zero")
    # Wider rows with several zeros each; every copy flips the signs of its zeros at random.
    pool = rng.integers(-2, 3, size=(6, 8)).astype(float)
    X = pool[rng.integers(0, 6, size=80)]
    X[(X == 0) & (rng.random(X.shape) < 0.5)] = -0.0
    yield Case("signed_zeros_in_wide_rows", (X,), "signed zero")
    # Rows that differ by one unit in the last place, or by 1e-6 on an offset of 1e9, are distinct.
    a = np.array([1.0, 2.0])
    b = np.array([1.0, np.nextafter(2.0, 3.0)])
    c = np.array([1e9, 5.0])
    d = np.array([1e9 + 1e-6, 5.0])
    yield Case("nearly_equal_rows", (np.array([b, a, d, c, a, b, c, d, a]),), "exact equality")
    # Rows that agree everywhere except the last column.
    X = np.repeat(rng.normal(size=(1, 20)), 12, axis=0)
    X[:, -1] = rng.integers(0, 4, size=12)
    yield Case("differ_in_last_column", (X,), "exact equality")

    for i, (n, d, k, scale, offset) in enumerate(
        [
            (100, 2, 8, 1.0, 0.0),
            (500, 5, 60, 1e6, 0.0),
            (2000, 4, 300, 1.0, -1e8),
            (300, 50, 40, 1e-6, 0.0),
        ]
    ):
        pool = rng.normal(size=(k, d)) * scale + offset
        X = pool[rng.integers(0, k, size=n)]
        yield Case(f"random_pool_{i}", (X,), "random")
    X = rng.integers(0, 3, size=(400, 3)).astype(float)  # small integer grid: many collisions
    yield Case("integer_grid", (X,), "random")
