"""Hand-made cases first (the example, rows of any length, temperature 0.01, one pair, positives
that are exact copies, a positive pointing away from its query, logits that are not symmetric),
then seeded random embeddings of many sizes, norms and temperatures."""

import numpy as np

from mlprep.problems import Case


def _f(rows):
    return np.array(rows, dtype=float)


def cases(rng):
    # The statement's example.
    q, k = _f([[1, 0], [0, 1]]), _f([[1, 0], [1, 1]])
    yield Case("two_pairs", (q, k, 0.5), "basic")
    # Only directions count: rescaling each row (by 3, 0.5, 10, 2) leaves the loss unchanged.
    q = _f([[1, 2, 0], [0, 1, -1], [2, 0, 1]])
    k = _f([[1, 1, 0], [0, 2, -1], [1, -1, 1]])
    yield Case("rows_of_any_length", (q * [[3], [0.5], [10]], k * [[2], [1], [0.25]], 0.1), "norms")
    # Temperature 0.01: logits up to 100 in magnitude.
    yield Case("low_temperature", (rng.normal(size=(6, 4)), rng.normal(size=(6, 4)), 0.01), "low T")

    # One pair: the only key is the positive, so the loss is exactly 0.
    yield Case("single_pair", (_f([[1, -2, 3]]), _f([[0, 5, 1]]), 0.07), "one pair")
    # Keys equal to their queries and mutually orthogonal: every row is [1/T, 0, ..., 0].
    yield Case("orthogonal_copies", (np.eye(4) * 7.0, np.eye(4), 0.07), "basic")
    # Each positive points away from its query while every negative leans towards it: at
    # T = 0.01 the positive's probability is about e^-113 (the loss about 112 + ln 4), far
    # below any epsilon added "to avoid log(0)".
    q = np.eye(5)
    k = np.ones((5, 5))
    k[np.arange(5), np.arange(5)] = -4.0
    yield Case("positive_points_away", (q, k, 0.01), "low T")
    yield Case("positive_points_away_default_T", (q, k), "default T")
    # Tiny and huge norms: raw dot products would be far off (1e-6 or 1e6 times the cosines).
    yield Case(
        "tiny_norms", (1e-3 * rng.normal(size=(8, 5)), 1e-3 * rng.normal(size=(8, 5)), 0.2), "norms"
    )
    yield Case(
        "huge_norms", (1e3 * rng.normal(size=(8, 5)), 1e3 * rng.normal(size=(8, 5)), 0.2), "norms"
    )
    # d = 1: every direction is +1 or -1, so logits are +-1/T with many ties.
    yield Case(
        "one_dimension", (_f([[2], [-1], [3], [-5]]), _f([[1], [1], [-2], [-1]]), 0.5), "d = 1"
    )
    # Queries close to their keys, default temperature: a small loss, and q k^T far from symmetric.
    keys = rng.normal(size=(10, 6))
    queries = keys + 0.3 * rng.normal(size=(10, 6))
    yield Case("aligned_pairs", (queries * rng.uniform(0.5, 4, (10, 1)), keys), "default T")

    # Random embeddings: (n, d, temperature, scale).
    for i, (n, d, temperature, scale) in enumerate(
        [
            (4, 3, 0.07, 1.0),
            (16, 8, 0.1, 1.0),
            (32, 16, 0.05, 10.0),
            (64, 32, 0.5, 0.1),
            (128, 50, 0.07, 1.0),
            (256, 20, 0.01, 1.0),
            (1000, 12, 1.0, 3.0),
        ]
    ):
        keys = scale * rng.normal(size=(n, d))
        queries = keys + scale * rng.normal(size=(n, d))
        yield Case(f"random_{i}", (queries, keys, temperature), "random")
