"""Hand-made edge cases first (repeated users and items, an item that is positive in one triple
and negative in another, margins of +-1000, no regularisation, untouched rows), then seeded
random batches with many repeated indices."""

import numpy as np

from mlprep.problems import Case


def _a(rows):
    return np.array(rows, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    # The statement's example: user 0 in both triples, item 1 the negative of both, user 1 unused.
    U = _a([[1, 0], [0, 1]])
    V = _a([[1, 1], [0, 1], [2, 0]])
    yield Case("example", (U, V, _i([0, 0]), _i([0, 2]), _i([1, 1]), 0.1), "basic")
    # Margins of -1000 and +1000: a naive log(sigmoid) gives log(0) = -inf.
    U = _a([[10, 0], [0, 10]])
    V = _a([[-50, 0], [50, 0], [0, 100], [0, 0]])
    yield Case(
        "large_negative_margin",
        (U, V, _i([0, 1, 0]), _i([0, 2, 1]), _i([1, 3, 0]), 0.001),
        "large margin",
    )
    # Item 1 is the positive of triple 0 and the negative of triple 1; user 2 appears twice.
    U = _a([[0.5, -1, 2], [1, 1, 0], [-1, 0.5, 0.5]])
    V = _a([[1, 0, 0], [0, 2, -1], [1, 1, 1], [-0.5, 0, 1]])
    yield Case(
        "item_positive_and_negative",
        (U, V, _i([2, 2, 0]), _i([1, 3, 2]), _i([0, 1, 3]), 0.05),
        "repeated rows",
    )

    yield Case(
        "no_regularisation",
        (
            rng.normal(size=(4, 3)),
            rng.normal(size=(6, 3)),
            _i([0, 1, 1, 3]),
            _i([2, 0, 5, 4]),
            _i([1, 3, 2, 0]),
            0.0,
        ),
        "lam = 0",
    )
    yield Case(
        "single_triple",
        (_a([[1, 2]]), _a([[0.5, 0.5], [-1, 1]]), _i([0]), _i([1]), _i([0]), 0.2),
        "one triple",
    )
    # Every triple has the same user: its gradient is the sum of all of them.
    yield Case(
        "same_user_everywhere",
        (
            rng.normal(size=(3, 4)),
            rng.normal(size=(8, 4)),
            _i([1] * 6),
            _i([0, 2, 4, 6, 0, 2]),
            _i([1, 3, 5, 7, 7, 7]),
            0.1,
        ),
        "repeated rows",
    )
    # The same triple three times: three times the gradient of one, divided by 3.
    yield Case(
        "duplicate_triples",
        (
            rng.normal(size=(2, 3)),
            rng.normal(size=(3, 3)),
            _i([1, 1, 1]),
            _i([0, 0, 0]),
            _i([2, 2, 2]),
            0.3,
        ),
        "repeated rows",
    )
    # Most users and items are not in the batch: their gradient rows must be exactly zero.
    yield Case(
        "untouched_rows",
        (
            rng.normal(size=(20, 5)),
            rng.normal(size=(30, 5)),
            _i([3, 17]),
            _i([29, 4]),
            _i([0, 11]),
            0.01,
        ),
        "untouched rows",
    )
    # Huge positive margins: the data term vanishes and only the regulariser is left.
    U = 30 * rng.normal(size=(5, 4))
    V = rng.normal(size=(10, 4))
    pos, neg = _i([0, 1, 2, 3, 4]), _i([5, 6, 7, 8, 9])
    V[pos] = U / 3
    V[neg] = -U / 3
    yield Case("large_positive_margin", (U, V, _i([0, 1, 2, 3, 4]), pos, neg, 0.01), "large margin")
    # Embeddings of scale 30: margins in the thousands with both signs.
    yield Case(
        "large_random_margins",
        (*_random_batch(rng, 10, 20, 8, 200, 30.0), 0.001),
        "large margin",
    )
    yield Case("strong_regularisation", (*_random_batch(rng, 6, 12, 3, 40, 1.0), 10.0), "lam")

    for i, (n_users, n_items, f, B, scale, lam) in enumerate(
        [
            (10, 20, 4, 50, 1.0, 0.01),
            (100, 300, 16, 1000, 0.5, 0.001),
            (500, 1000, 32, 2000, 0.1, 0.05),
            (5, 8, 2, 500, 2.0, 0.1),
            (50, 40, 50, 300, 1.0, 0.0),
            (200, 2000, 8, 64, 3.0, 1e-4),
        ]
    ):
        yield Case(
            f"random_{i}", (*_random_batch(rng, n_users, n_items, f, B, scale), lam), "random"
        )


def _random_batch(rng, n_users, n_items, f, B, scale):
    U = rng.normal(0, scale, size=(n_users, f))
    V = rng.normal(0, scale, size=(n_items, f))
    users = rng.integers(0, n_users, size=B)
    pos = rng.integers(0, n_items, size=B)
    neg = (pos + rng.integers(1, n_items, size=B)) % n_items  # never equal to pos
    return U, V, users, pos, neg
