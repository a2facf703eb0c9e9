"""Hand-made traces first (zero margins, bias, learning rate, epoch counts), then seeded data.

Integer data with a learning rate that is a power of two keep every value exact, so a margin of
exactly 0 is exact in any order of summation. Other random data are redrawn until no margin met
during training is within rounding distance of 0, so only the rule decides each update.
"""

import numpy as np

from mlprep.problems import Case


def _f(rows):
    return np.array(rows, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "separable_2d",
        (_f([[2, 1], [-1, -2], [3, 3], [-2, -1]]), _i([1, -1, 1, -1]), 5),
        "basic",
    )
    yield Case(
        "first_sample_always_updates",
        (_f([[1, 2], [3, 1]]), _i([-1, 1]), 1),
        "zero margin",
    )
    # A non-separable set: every extra epoch changes w, so the count must be exact.
    cycling_X = _f([[0, 0], [0, 1], [1, 0], [1, 1], [2, 1], [1, 2]])
    cycling_y = _i([-1, 1, 1, -1, 1, -1])
    yield Case("cycling_three_epochs", (cycling_X, cycling_y, 3), "epochs")

    # After the first update w.x + b is exactly 0 for the second sample: it must update too.
    yield Case(
        "zero_margin_after_update",
        (_f([[1, 0], [-1, 0], [0, 1], [2, 2]]), _i([1, -1, 1, 1]), 2),
        "zero margin",
    )
    yield Case("zero_epochs", (_f([[1, 2], [3, 4]]), _i([1, -1]), 0), "epochs")
    for epochs in (1, 2, 7):
        yield Case(f"cycling_{epochs}_epochs", (cycling_X, cycling_y, epochs), "epochs")
    # XOR: each epoch makes four updates that cancel out, ending at w = 0, b = 0.
    yield Case(
        "xor_returns_to_zero",
        (_f([[0, 0], [0, 1], [1, 0], [1, 1]]), _i([-1, 1, 1, -1]), 4),
        "epochs",
    )
    # Everything lies far from the origin: only the bias can separate the two groups.
    yield Case(
        "needs_bias",
        (_f([[10, 10], [11, 11], [10, 11], [12, 12], [13, 12]]), _i([-1, -1, -1, 1, 1]), 50),
        "bias",
    )
    for lr in (0.5, 2.0, 0.25):
        yield Case(
            f"learning_rate_{lr}",
            (
                _f([[3, 1], [1, 3], [-1, -1], [2, 2], [0, 1], [4, 0]]),
                _i([1, -1, -1, 1, -1, 1]),
                10,
                lr,
            ),
            "learning rate",
        )
    yield Case("single_sample", (_f([[0.5, -2.0, 4.0]]), _i([-1]), 3), "tiny")
    yield Case(
        "one_class_only",
        (_f([[1, 1], [2, 0], [0, 3], [-1, 4]]), _i([1, 1, 1, 1]), 4),
        "one class",
    )
    # Integer labels stored as int64 and features on a grid: exact zero margins happen often.
    for i, (n, d, side, epochs, lr) in enumerate([(40, 2, 3, 6, 1.0), (120, 4, 5, 5, 0.5)]):
        X = rng.integers(-side, side + 1, size=(n, d)).astype(float)
        y = np.where(rng.random(n) < 0.5, -1, 1).astype(np.int64)
        yield Case(f"random_integer_grid_{i}", (X, y, epochs, lr), "zero margin")

    for i, (n, d, epochs, lr, scale, offset, noise) in enumerate(
        [
            (100, 2, 10, 1.0, 1.0, 0.0, 0.0),
            (200, 5, 5, 0.1, 1.0, 0.0, 0.2),
            (300, 3, 4, 1.0, 1e-6, 0.0, 0.0),
            (200, 3, 4, 0.01, 1e4, 0.0, 0.1),
            (150, 4, 6, 1.0, 1.0, 50.0, 0.0),
            (2000, 50, 2, 0.5, 1.0, 0.0, 0.3),
        ]
    ):
        X, y = _until_clear(rng, n, d, epochs, lr, scale, offset, noise)
        args = (X, y, epochs) if lr == 1.0 else (X, y, epochs, lr)
        yield Case(f"random_linear_{i}", args, "random")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    y = np.repeat(np.array([-1, 1], dtype=np.int64), 30)
    X = np.array([[-2.0, -1.5], [2.0, 1.5]])[(y + 1) // 2] + rng.normal(0, 0.8, size=(60, 2))
    yield Case("toy_separable", (X, y, 10), "toy data")


def _until_clear(rng, n, d, epochs, lr, scale, offset, noise):
    for _ in range(100):
        w_true = rng.normal(size=d)
        X = rng.normal(size=(n, d))
        score = X @ w_true + 0.3 + noise * rng.normal(size=n) * np.linalg.norm(w_true)
        y = np.where(score > 0, 1, -1).astype(np.int64)
        X = X * scale + offset
        if _clear(X, y, epochs, lr):
            return X, y
    raise RuntimeError("no clear data set drawn")


def _clear(X, y, epochs, lr):
    """True when no margin met in training is 0 or within rounding distance of 0 (w != 0)."""
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        for xi, yi in zip(X, y, strict=True):
            margin = yi * (xi @ w + b)
            size = np.abs(xi) @ np.abs(w) + abs(b)
            if size > 0 and abs(margin) <= 1e-9 * size:
                return False
            if margin <= 0:
                w = w + lr * yi * xi
                b += lr * yi
    return True
