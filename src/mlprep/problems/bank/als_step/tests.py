"""Hand-made edge cases first (users without ratings, meaningless values under the mask, fewer
ratings than factors, a fully observed matrix, strong and weak regularisation, f = 1), then
seeded random rating matrices of many shapes and densities.

Unobserved entries of R hold arbitrary values in most cases, so that a solution reading them
fails; the item factors are well conditioned and lam >= 0.01, so every correct way of solving
the normal equations agrees far within the tolerance."""

import numpy as np

from mlprep.problems import Case


def _a(rows):
    return np.array(rows, dtype=float)


def _m(rows):
    return np.array(rows, dtype=np.int64)


def cases(rng):
    # The statement's example: two ratings, one rating, none (placeholders are 0).
    yield Case(
        "example",
        (
            _a([[5, 0, 1], [0, 4, 0], [0, 0, 0]]),
            _m([[1, 0, 1], [0, 1, 0], [0, 0, 0]]),
            _a([[1, 0], [0, 1], [1, 1]]),
            1.0,
        ),
        "basic",
    )
    # The unobserved cells hold junk that must not leak into the solution.
    yield Case(
        "unobserved_values_ignored",
        (
            _a([[4, 99, 2, -50], [-7, 3, 1000, 5]]),
            _m([[1, 0, 1, 0], [0, 1, 0, 1]]),
            _a([[1, 0.5], [0.5, 1], [-1, 1], [2, 0]]),
            0.5,
        ),
        "mask",
    )
    # One or two ratings and three factors: only the regularisation makes the system solvable.
    yield Case(
        "fewer_ratings_than_factors",
        (
            _a([[4, 0, 0, 0], [0, 2, 5, 0]]),
            _m([[1, 0, 0, 0], [0, 1, 1, 0]]),
            _a([[1, 2, 0], [0, 1, 1], [1, 0, -1], [2, 2, 2]]),
            0.1,
        ),
        "few ratings",
    )

    yield Case(
        "all_users_without_ratings",
        (rng.normal(size=(3, 4)), np.zeros((3, 4), np.int64), rng.normal(size=(4, 2)), 1.0),
        "no ratings",
    )
    # Every rating observed: here treating missing cells as zeros would not matter.
    yield Case(
        "fully_observed",
        (_ratings(rng, 6, 5), np.ones((6, 5), np.int64), rng.normal(size=(5, 3)), 0.3),
        "dense",
    )
    R, mask, V = _random_problem(rng, 8, 10, 3, 0.4)
    yield Case("strong_regularisation", (R, mask, V, 100.0), "lam")
    yield Case("weak_regularisation", (R, mask, V, 0.01), "lam")
    R, mask, V = _random_problem(rng, 10, 7, 1, 0.5)
    yield Case("one_factor", (R, mask, V, 0.5), "f = 1")
    yield Case("single_rating", (_a([[3.5]]), _m([[1]]), _a([[2.0, -1.0]]), 0.25), "tiny")
    yield Case("single_user", (*_random_problem(rng, 1, 12, 4, 0.5), 1.0), "one user")
    # Two users with the same ratings on the same items get the same factors, whatever the junk.
    R = _a([[5, 1, 0, 2], [5, 1, 7, 2], [0, 0, 3, 0]])
    mask = _m([[1, 1, 0, 1], [1, 1, 0, 1], [0, 0, 1, 0]])
    yield Case("identical_users", (R, mask, rng.normal(size=(4, 2)), 0.2), "mask")
    # A user who rated every item next to users who rated one: item counts differ a lot.
    R, mask, V = _random_problem(rng, 5, 30, 4, 0.1)
    mask[0] = 1
    yield Case("uneven_rating_counts", (R, mask, V, 2.0), "few ratings")

    for i, (n_users, n_items, f, density, lam) in enumerate(
        [
            (20, 15, 3, 0.3, 0.1),
            (200, 100, 8, 0.1, 1.0),
            (2000, 50, 5, 0.05, 0.5),
            (100, 300, 20, 0.2, 0.05),
            (500, 40, 10, 0.5, 10.0),
            (300, 200, 50, 0.02, 0.3),
        ]
    ):
        yield Case(
            f"random_{i}", (*_random_problem(rng, n_users, n_items, f, density), lam), "random"
        )


def _ratings(rng, n_users, n_items):
    return rng.integers(1, 6, size=(n_users, n_items)).astype(float)


def _random_problem(rng, n_users, n_items, f, density):
    mask = (rng.random((n_users, n_items)) < density).astype(np.int64)
    R = np.where(mask == 1, _ratings(rng, n_users, n_items), rng.normal(0, 50, (n_users, n_items)))
    V = rng.normal(0, 1 / np.sqrt(f), size=(n_items, f))
    return R, mask, V
