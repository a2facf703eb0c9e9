"""Hand-made exact-margin runs first, then seeded data: separable, overlapping, one class, sizes.

Two kinds of data keep the answer unique whatever the order of the floating-point operations:
- "exact margin" cases use small integers, lr = 0.5 and C / n a power of two, and are kept only
  when a rational (Fraction) replay of the run matches the float run exactly, so no operation
  ever rounds and margins of exactly 1 really occur;
- every other case is redrawn until no margin along the run lies within 1e-9 of 1, so rounding
  can never move a sample in or out of the violating set.
"""

from fractions import Fraction

import numpy as np

from mlprep.problems import Case


def _f(values):
    return np.array(values, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "one_epoch",
        (_f([[1, 2], [2, 0], [-1, 1], [0, -2]]), _i([1, 1, -1, -1]), 1.0, 0.1, 1),
        "n_epochs = 1",
    )
    # After one epoch w = [1] and both margins are exactly 1: no sample violates, so the second
    # epoch only shrinks w (to 0).
    yield Case(
        "exact_margin_two_points",
        (_f([[1], [-1]]), _i([1, -1]), 1.0, 1.0, 2),
        "exact margin",
    )

    yield Case(
        "exact_margin_uneven_classes",
        (_f([[2, 0], [1, 1], [0, 2], [-1, 0]]), _i([1, 1, 1, -1]), 4.0, 0.5, 6),
        "exact margin",
    )
    for i, (n, d, epochs) in enumerate([(4, 1, 8), (6, 2, 10), (8, 2, 12), (8, 3, 15)]):
        yield Case(f"exact_margin_integers_{i}", _exact(rng, n, d, epochs), "exact margin")

    yield Case("single_sample", (_f([[2.0, -1.0]]), _i([1]), 1.0, 0.1, 30), "tiny")
    X, y = _clear(rng, lambda: _blobs(rng, 40, 2, 2.0), 1.0, 0.1, 1)
    yield Case("one_epoch_random", (X, y, 1.0, 0.1, 1), "n_epochs = 1")
    yield Case("two_epochs_random", (X, y, 1.0, 0.1, 2), "n_epochs = 1")
    X, y = _clear(rng, lambda: _blobs(rng, 60, 2, 3.0), 1.0, 0.05, 200)
    yield Case("separable_many_epochs", (X, y, 1.0, 0.05, 200), "separable")
    X, y = _clear(rng, lambda: _blobs(rng, 80, 3, 0.8), 10.0, 0.01, 150)
    yield Case("overlapping_large_c", (X, y, 10.0, 0.01, 150), "overlapping classes")
    X, y = _clear(rng, lambda: _blobs(rng, 80, 3, 0.8), 0.01, 0.5, 100)
    yield Case("overlapping_small_c", (X, y, 0.01, 0.5, 100), "small C")
    X, y = _clear(rng, lambda: _blobs(rng, 100, 2, 1.5, frac_pos=0.9), 2.0, 0.05, 150)
    yield Case("unbalanced_classes", (X, y, 2.0, 0.05, 150), "unbalanced classes")
    X, y = _clear(
        rng, lambda: (rng.normal(size=(30, 2)), np.ones(30, dtype=np.int64)), 1.0, 0.1, 100
    )
    yield Case("one_class_only", (X, y, 1.0, 0.1, 100), "one class")
    # Repeated points with opposite labels: never separable.
    X = np.repeat(_f([[1.0, 0.5], [-0.5, 2.0], [0.3, -1.2]]), 4, axis=0)
    y = _i([1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, 1])
    yield Case("conflicting_duplicates", (X, y, 1.5, 0.1, 60), "duplicates")
    # All-zero features: only b moves, until every margin |b| reaches 1.
    yield Case(
        "zero_features",
        (np.zeros((10, 2)), _i([1] * 7 + [-1] * 3), 1.0, 0.3, 40),
        "degenerate features",
    )
    X, y = _clear(rng, lambda: _blobs(rng, 60, 2, 2.0, offset=5.0), 1.0, 0.01, 200)
    yield Case("offset_features", (X, y, 1.0, 0.01, 200), "offset features")
    X, y = _clear(rng, lambda: _blobs(rng, 50, 3, 2.0, scale=100.0), 1.0, 1e-4, 100)
    yield Case("large_features", (X, y, 1.0, 1e-4, 100), "large features")
    X, y = _clear(rng, lambda: _blobs(rng, 2000, 50, 1.0), 1.0, 0.05, 60)
    yield Case("many_rows_and_features", (X, y, 1.0, 0.05, 60), "size")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    X, y = _clear(rng, lambda: _blobs(rng, 80, 2, 2.5, fixed=True), 1.0, 0.1, 150)
    yield Case("toy_two_blobs", (X, y, 1.0, 0.1, 150), "toy data")


def _blobs(rng, n, d, separation, frac_pos=0.5, scale=1.0, offset=0.0, fixed=False):
    """Two Gaussian blobs whose centres are `separation` apart along a random direction."""
    y = np.where(rng.random(n) < frac_pos, 1, -1).astype(np.int64)
    y[:2] = [1, -1]
    direction = np.ones(d) / np.sqrt(d) if fixed else rng.normal(size=d)
    direction /= np.linalg.norm(direction)
    X = rng.normal(size=(n, d)) + 0.5 * separation * y[:, None] * direction
    return X * scale + offset, y


def _margins_along_run(X, y, C, lr, n_epochs):
    """Every margin seen during the run (the same steps as the reference)."""
    n, d = X.shape
    w, b, seen = np.zeros(d), 0.0, []
    for _ in range(n_epochs):
        m = y * (X @ w + b)
        seen.append(m)
        s = np.where(m < 1.0, y, 0.0)
        w, b = w - lr * (w - C / n * (X.T @ s)), b + lr * C / n * s.sum()
    return np.concatenate(seen), w, b


def _clear(rng, draw, C, lr, n_epochs):
    """Redraw until no margin along the run is within 1e-9 of 1."""
    for _ in range(100):
        X, y = draw()
        margins, _, _ = _margins_along_run(X, y.astype(float), C, lr, n_epochs)
        if np.all(np.abs(margins - 1.0) > 1e-9):
            return X, y
    raise RuntimeError("no clear data set drawn")


def _exact(rng, n, d, n_epochs):
    """Small-integer data where some margin is exactly 1 during a run with no rounding at all."""
    lr = 0.5
    for _ in range(1000):
        X = rng.integers(-3, 4, size=(n, d)).astype(float)
        y = np.where(rng.random(n) < 0.5, 1, -1).astype(np.int64)
        C = float(n * 2.0 ** rng.integers(-2, 2))
        margins, w, b = _margins_along_run(X, y.astype(float), C, lr, n_epochs)
        if not np.any(margins == 1.0) or not _no_rounding(X, y, C, lr, n_epochs, w, b):
            continue
        return X, y, C, lr, n_epochs
    raise RuntimeError("no exact-margin data set drawn")


def _no_rounding(X, y, C, lr, n_epochs, w_float, b_float):
    """True when a rational replay of the run ends exactly where the float run ended."""
    n, d = X.shape
    Xq = [[Fraction(int(v)) for v in row] for row in X]
    yq = [int(v) for v in y]
    Cq, lrq = Fraction(C), Fraction(lr)
    w, b = [Fraction(0)] * d, Fraction(0)
    for _ in range(n_epochs):
        s = [
            yq[i] if yq[i] * (sum(Xq[i][k] * w[k] for k in range(d)) + b) < 1 else 0
            for i in range(n)
        ]
        w = [
            w[k] - lrq * (w[k] - Cq / n * sum(Xq[i][k] * s[i] for i in range(n))) for k in range(d)
        ]
        b = b + lrq * Cq / n * sum(s)
    exact = [(a, f) for a, f in zip(w, w_float, strict=True)] + [(b, b_float)]
    return all(Fraction(float(a)) == a and float(a) == f for a, f in exact)
