"""Hand-made cases first (the example, eps = 0 and eps = 1, ignored rows, an ignore_index that is
a real class id, huge logits, one class), then seeded random batches with padding rows, several
smoothing strengths and logit scales."""

import numpy as np

from mlprep.problems import Case

EXAMPLE_LOGITS = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0], [5.0, -5.0, 1.0]])
EXAMPLE_TARGETS = np.array([0, 2, -100], np.int64)


def cases(rng):
    yield Case("two_rows_one_ignored", (EXAMPLE_LOGITS, EXAMPLE_TARGETS, 0.1), "basic")
    # The pad id is 0, a real class: rows with target 0 are skipped, yet class 0 still receives
    # its eps/K share in the other rows.
    yield Case(
        "ignore_index_is_class_zero",
        (
            np.array([[3.0, 0.0, 1.0, -1.0], [0.5, 2.0, 0.0, 0.0], [1.0, 1.0, 4.0, 0.0]]),
            np.array([0, 1, 2], np.int64),
            0.2,
            0,
        ),
        "ignore index",
    )
    yield Case(
        "large_logits",
        (
            np.array([[1e4, -1e4, 0.0], [-9000.0, 9500.0, 9400.0]]),
            np.array([1, 2], np.int64),
            0.1,
        ),
        "large logits",
    )

    # eps = 0: plain cross-entropy. eps = 1: cross-entropy against the uniform distribution.
    yield Case("no_smoothing", (EXAMPLE_LOGITS, EXAMPLE_TARGETS, 0.0), "eps = 0")
    yield Case("full_smoothing", (EXAMPLE_LOGITS, EXAMPLE_TARGETS, 1.0), "eps = 1")
    # Two classes: spreading eps over K - 1 classes instead of K makes a large difference.
    yield Case(
        "two_classes",
        (np.array([[2.0, -1.0], [0.25, 0.5]]), np.array([0, 0], np.int64), 0.3),
        "smoothing convention",
    )
    yield Case(
        "one_class",
        (np.array([[3.0], [-2.0]]), np.array([0, 0], np.int64), 0.1),
        "one class",
    )
    yield Case(
        "most_rows_ignored",
        (rng.normal(size=(8, 5)), np.array([-100] * 7 + [3], np.int64), 0.1),
        "ignore index",
    )
    yield Case(
        "custom_ignore_index",
        (rng.normal(size=(6, 4)), np.array([1, -1, 3, -1, 0, 2], np.int64), 0.15, -1),
        "ignore index",
    )
    # Huge logits with ignored rows holding the worst ones.
    big = rng.normal(0, 3000.0, size=(10, 6))
    yield Case(
        "large_logits_random",
        (big, np.array([0, 1, 2, 3, 4, 5, -100, -100, 0, 1], np.int64), 0.1),
        "large logits",
    )
    yield Case("single_row", (np.array([[0.5, -0.5, 1.5]]), np.array([1], np.int64), 0.05), "tiny")

    for i, (n, k, eps, scale, pad) in enumerate(
        [
            (10, 3, 0.1, 1.0, 0.2),
            (50, 10, 0.05, 2.0, 0.3),
            (200, 20, 0.2, 1.0, 0.1),
            (500, 50, 0.1, 5.0, 0.25),
            (2000, 32, 0.1, 1.0, 0.4),
            (300, 7, 0.3, 0.5, 0.0),
            (100, 50, 0.01, 100.0, 0.5),
            (64, 2, 0.1, 1.0, 0.2),
        ]
    ):
        logits = rng.normal(0, scale, size=(n, k)) + rng.normal(0, 5.0)
        targets = rng.integers(0, k, size=n)
        pad_rows = rng.random(n) < pad
        pad_rows[0] = False  # at least one row counts
        targets[pad_rows] = -100
        yield Case(f"random_{i}", (logits, targets.astype(np.int64), eps), "random")

    # Padding id 0 (a real class) in a random batch, and the last class as ignore_index.
    logits = rng.normal(0, 2.0, size=(300, 12))
    targets = rng.integers(0, 12, size=300).astype(np.int64)
    yield Case("random_pad_id_zero", (logits, targets, 0.1, 0), "ignore index")
    logits = rng.normal(0, 1.0, size=(40, 5))
    targets = rng.integers(0, 5, size=40).astype(np.int64)
    yield Case("ignore_last_class", (logits, targets, 0.25, 4), "ignore index")
