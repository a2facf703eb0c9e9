"""Hand-made cases first (absent classes, transposition traps, repeated pairs, tiny and empty
inputs, small integer dtypes), then seeded random labels with many classes."""

import numpy as np

from mlprep.problems import Case


def _pair(y_true, y_pred, dtype=np.int64):
    return np.array(y_true, dtype=dtype), np.array(y_pred, dtype=dtype)


def cases(rng):
    yield Case("three_classes", (*_pair([0, 1, 2, 2, 1, 0, 2], [0, 2, 2, 1, 1, 0, 0]), 3), "basic")
    # Class 3 never occurs, neither as a label nor as a prediction: its row and column are zero.
    yield Case("class_never_seen", (*_pair([0, 1, 1, 2, 0], [0, 1, 2, 2, 1]), 4), "absent classes")
    yield Case("all_correct", (*_pair([2, 0, 1, 1, 0], [2, 0, 1, 1, 0]), 3), "basic")

    # Every mistake goes one way (true 0 -> predicted 1): a transposed matrix is visibly wrong.
    yield Case(
        "one_directional_errors", (*_pair([0, 0, 0, 1, 1, 2], [1, 1, 0, 1, 1, 2]), 3), "orientation"
    )
    yield Case(
        "last_classes_absent", (*_pair([0, 1, 0, 1, 1], [1, 1, 0, 0, 1]), 5), "absent classes"
    )
    yield Case(
        "middle_class_absent", (*_pair([0, 2, 2, 0, 3], [2, 2, 0, 0, 3]), 4), "absent classes"
    )
    yield Case("class_only_predicted", (*_pair([0, 0, 1, 1], [0, 2, 1, 2]), 3), "absent classes")
    yield Case("class_only_true", (*_pair([0, 3, 3, 1, 2], [0, 1, 1, 1, 2]), 4), "absent classes")
    # The same (true, predicted) pair many times: each occurrence must be counted.
    yield Case(
        "repeated_pairs", (*_pair([1] * 6 + [0] * 3, [0] * 6 + [0] * 3), 2), "repeated pairs"
    )
    yield Case("single_sample", (*_pair([1], [0]), 2), "tiny")
    yield Case("single_class", (*_pair([0, 0, 0], [0, 0, 0]), 1), "one class")
    yield Case("more_classes_than_samples", (*_pair([7, 2, 7], [7, 9, 0]), 10), "absent classes")
    yield Case("empty_input", (*_pair([], []), 3), "empty")
    y_true = rng.integers(0, 4, size=30)
    yield Case(
        "predict_one_class", (y_true, np.full(30, 2, dtype=np.int64), 4), "one-class predictions"
    )

    # Small integer dtypes: 39 * 40 + 39 does not fit in a uint8 or an int8.
    y_true = rng.integers(0, 40, size=500).astype(np.uint8)
    y_pred = np.where(rng.random(500) < 0.6, y_true, rng.integers(0, 40, size=500)).astype(np.uint8)
    yield Case("uint8_labels_many_classes", (y_true, y_pred, 40), "integer dtypes")
    y_true = rng.integers(0, 30, size=400).astype(np.int8)
    y_pred = np.where(rng.random(400) < 0.5, y_true, rng.integers(0, 30, size=400)).astype(np.int8)
    yield Case("int8_labels_many_classes", (y_true, y_pred, 30), "integer dtypes")
    y_true, y_pred = _pair([2, 0, 1, 1, 2, 0], [2, 1, 1, 0, 2, 0], np.int32)
    yield Case("int32_labels", (y_true, y_pred, 3), "integer dtypes")

    for i, (n, k, correct) in enumerate([(2000, 50, 0.7), (1000, 5, 0.4), (300, 12, 0.9)]):
        y_true = rng.integers(0, k, size=n)
        y_pred = np.where(rng.random(n) < correct, y_true, rng.integers(0, k, size=n))
        yield Case(f"random_{i}", (y_true, y_pred, k), "random")
    # Labels drawn from the lower classes only; the top ones stay empty.
    y_true = rng.integers(0, 6, size=200)
    yield Case("random_top_classes_empty", (y_true, rng.integers(0, 6, size=200), 9), "random")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    y_true = rng.integers(0, 5, size=300)
    y_pred = np.where(rng.random(300) < 0.7, y_true, rng.integers(0, 5, size=300))
    yield Case("toy_five_classes", (y_true, y_pred, 5), "toy data")
