"""Hand-made edge cases first (zero and tiny true-class probabilities, a large custom eps, square
inputs, one class), then seeded probability tables of many shapes."""

import numpy as np

from mlprep.problems import Case


def _labels(*values, dtype=np.int64):
    return np.array(values, dtype=dtype)


def _table(rng, n, c, concentration=1.0):
    return rng.dirichlet(np.full(c, concentration), size=n)


def cases(rng):
    probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.25, 0.25, 0.5]])
    yield Case("three_samples", (_labels(0, 2, 1), probs), "basic")
    yield Case(
        "zero_probability_true_class",
        (_labels(1, 0), np.array([[1.0, 0.0, 0.0], [0.6, 0.3, 0.1]])),
        "clipping",
    )
    yield Case("single_sample", (_labels(3), np.array([[0.1, 0.2, 0.3, 0.4]])), "tiny")

    # Confident and wrong on every row: each true-class probability is exactly 0.
    yield Case(
        "all_true_classes_zero",
        (_labels(2, 0, 1), np.array([[0.5, 0.5, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])),
        "clipping",
    )
    # Tiny but nonzero true-class probabilities are raised to eps as well.
    yield Case(
        "tiny_nonzero_probabilities",
        (_labels(0, 1, 1), np.array([[1e-300, 1.0], [1.0 - 1e-20, 1e-20], [0.5, 0.5]])),
        "clipping",
    )
    # A large eps: 0.01 and 0.03 are raised to 0.05, while 1.0 and 0.97 stay as they are
    # (no upper clip at 1 - eps), and nothing is added to 0.5.
    yield Case(
        "custom_eps_large",
        (
            _labels(0, 1, 2, 0, 1),
            np.array(
                [
                    [1.0, 0.0, 0.0],
                    [0.02, 0.97, 0.01],
                    [0.9, 0.09, 0.01],
                    [0.03, 0.5, 0.47],
                    [0.25, 0.5, 0.25],
                ]
            ),
            0.05,
        ),
        "custom eps",
    )
    yield Case(
        "custom_eps_small",
        (
            _labels(1, 0, 0),
            np.array([[0.9, 0.0, 0.1], [1e-9, 0.5, 0.5 - 1e-9], [0.2, 0.3, 0.5]]),
            1e-6,
        ),
        "custom eps",
    )
    # n == C: swapping the row and column indices still runs, and picks the wrong entries.
    yield Case(
        "square_table",
        (_labels(1, 2, 0), np.array([[0.1, 0.6, 0.3], [0.2, 0.2, 0.6], [0.8, 0.15, 0.05]])),
        "indexing",
    )
    yield Case("square_random", (rng.integers(0, 6, size=6), _table(rng, 6, 6)), "indexing")
    yield Case("one_class", (_labels(0, 0, 0, 0), np.ones((4, 1))), "one class")
    yield Case(
        "perfect_predictions",
        (_labels(2, 0, 1, 2), np.eye(3)[[2, 0, 1, 2]]),
        "perfect",
    )
    uniform = np.full((10, 7), 1 / 7)
    yield Case("uniform_probabilities", (rng.integers(0, 7, size=10), uniform), "basic")
    yield Case("two_classes", (rng.integers(0, 2, size=40), _table(rng, 40, 2)), "C = 2")
    yield Case("same_label_everywhere", (np.full(12, 3), _table(rng, 12, 5)), "labels")
    yield Case(
        "int32_labels",
        (rng.integers(0, 4, size=9).astype(np.int32), _table(rng, 9, 4)),
        "labels",
    )
    yield Case("many_classes_few_rows", (rng.integers(0, 50, size=3), _table(rng, 3, 50)), "random")
    yield Case("random_big", (rng.integers(0, 50, size=2000), _table(rng, 2000, 50, 0.3)), "random")
    # Sparse tables: many exact zeros, some of them on the true class.
    probs = _table(rng, 500, 8, 0.5)
    drop = rng.random(probs.shape) < 0.3
    drop[np.arange(500), probs.argmax(axis=1)] = False  # every row keeps its largest entry
    probs[drop] = 0.0
    probs /= probs.sum(axis=1, keepdims=True)
    yield Case("random_with_exact_zeros", (rng.integers(0, 8, size=500), probs), "clipping")
    yield Case(
        "random_custom_eps",
        (rng.integers(0, 10, size=300), _table(rng, 300, 10, 0.2), 1e-3),
        "custom eps",
    )
    # Confident two-class tables with eps = 0.1: many true-class probabilities lie above 0.9,
    # where clipping at 1 - eps would change them.
    yield Case(
        "random_confident_large_eps",
        (rng.integers(0, 2, size=60), _table(rng, 60, 2, 0.2), 0.1),
        "custom eps",
    )
