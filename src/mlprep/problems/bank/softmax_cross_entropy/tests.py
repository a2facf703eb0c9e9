"""Hand-made batches and extreme logits first, then seeded batches of many shapes."""

import numpy as np

from mlprep.problems import Case


def _labels(*values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "two_samples_three_classes",
        (np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0]]), _labels(0, 2)),
        "basic",
    )
    yield Case("single_sample", (np.array([[1.0, 3.0, -1.0, 0.5]]), _labels(1)), "one sample")
    yield Case(
        "large_logits",
        (np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1002.0, -1001.0]]), _labels(2, 1)),
        "large values",
    )

    yield Case("one_class", (np.array([[3.0], [-2.0], [1e4]]), _labels(0, 0, 0)), "one class")
    yield Case("two_classes", (rng.normal(0, 2, size=(30, 2)), rng.integers(0, 2, 30)), "C = 2")
    # n == C: swapping the sample and class indices of the one-hot still runs.
    yield Case(
        "square_logits",
        (np.array([[2.0, 0.0, -1.0], [0.5, 1.5, 0.0], [3.0, -2.0, 1.0]]), _labels(1, 2, 0)),
        "axis",
    )
    yield Case("square_random", (rng.normal(0, 3, size=(6, 6)), rng.integers(0, 6, 6)), "axis")
    yield Case("all_equal_logits", (np.full((4, 5), 7.5), _labels(0, 1, 2, 4)), "all equal")
    yield Case("same_label_everywhere", (rng.normal(0, 1, size=(8, 4)), np.full(8, 3)), "labels")
    # The true class scores 2e4 below the best one: its probability underflows to 0, yet the
    # loss, about 2e4 per sample, is finite.
    yield Case(
        "confidently_wrong",
        (np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 1e4]]), _labels(1, 0)),
        "large values",
    )
    yield Case(
        "confidently_right",
        (np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 9999.0]]), _labels(0, 1)),
        "large values",
    )
    yield Case("gap_of_800", (np.array([[0.0, -800.0], [3.0, 1.0]]), _labels(1, 0)), "large values")
    # Each row needs its own maximum: one global shift underflows the low rows to 0/0.
    yield Case(
        "rows_far_apart",
        (
            np.array([[1e4, 9998.0, 9999.5], [-1e4, -9999.0, -1e4 + 0.25], [0.5, -0.5, 0.0]]),
            _labels(2, 0, 1),
        ),
        "large values",
    )
    yield Case(
        "many_samples_few_classes",
        (rng.normal(0, 1, size=(500, 3)), rng.integers(0, 3, 500)),
        "random",
    )
    yield Case(
        "few_samples_many_classes",
        (rng.normal(0, 4, size=(3, 50)), rng.integers(0, 50, 3)),
        "random",
    )
    yield Case(
        "random_big_batch", (rng.normal(0, 5, size=(2000, 50)), rng.integers(0, 50, 2000)), "random"
    )
    yield Case(
        "random_extreme_batch",
        (rng.uniform(-1e4, 1e4, size=(40, 8)), rng.integers(0, 8, 40)),
        "large values",
    )
    yield Case(
        "large_offset",
        (1e4 - rng.uniform(0, 5, size=(20, 6)), rng.integers(0, 6, 20)),
        "large values",
    )
