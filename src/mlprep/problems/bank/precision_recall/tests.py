"""Hand-made cases for each zero denominator (alone and together), one-class predictions and
small integer dtypes, then seeded random labels of many sizes and positive rates."""

import numpy as np

from mlprep.problems import Case


def _pair(y_true, y_pred, dtype=np.int64):
    return np.array(y_true, dtype=dtype), np.array(y_pred, dtype=dtype)


def cases(rng):
    yield Case("small_mixed", _pair([1, 0, 1, 1, 0, 1, 0], [1, 1, 0, 1, 0, 0, 0]), "basic")
    yield Case(
        "nothing_predicted_positive", _pair([1, 0, 1, 0], [0, 0, 0, 0]), "no positive predictions"
    )
    yield Case("no_positive_labels", _pair([0, 0, 0, 0], [0, 1, 0, 1]), "no positive labels")

    # Precision and recall differ, so swapping them is visible.
    yield Case("precision_above_recall", _pair([1, 1, 1, 1, 0, 0], [1, 0, 0, 0, 0, 0]), "basic")
    yield Case("recall_above_precision", _pair([1, 0, 0, 0, 0, 0], [1, 1, 1, 0, 1, 0]), "basic")
    yield Case(
        "no_positive_predictions_many",
        _pair([1, 1, 0, 1, 0, 0, 1, 1], [0] * 8),
        "no positive predictions",
    )
    yield Case(
        "no_positive_labels_many", _pair([0] * 9, [1, 0, 0, 1, 1, 0, 0, 0, 1]), "no positive labels"
    )
    # Both denominators are zero: (0.0, 0.0).
    yield Case("all_negative", _pair([0] * 6, [0] * 6), "no positives at all")
    yield Case("single_negative", _pair([0], [0]), "no positives at all")
    yield Case("single_true_positive", _pair([1], [1]), "tiny")
    yield Case("single_false_positive", _pair([0], [1]), "tiny")
    yield Case("single_false_negative", _pair([1], [0]), "tiny")
    yield Case(
        "all_predictions_flipped", _pair([1, 0, 1, 0, 1], [0, 1, 0, 1, 0]), "no true positives"
    )
    yield Case("perfect_prediction", _pair([0, 1, 1, 0, 1, 0], [0, 1, 1, 0, 1, 0]), "all correct")

    y_true = (rng.random(50) < 0.3).astype(np.int64)
    y_true[:2] = [1, 0]
    yield Case("predict_all_ones", (y_true, np.ones(50, dtype=np.int64)), "one-class predictions")

    # Unsigned labels: 0 - 1 wraps around to 255.
    yield Case(
        "uint8_labels",
        _pair([1, 1, 0, 1, 0, 0, 1, 0], [1, 0, 1, 1, 0, 0, 0, 0], np.uint8),
        "integer dtypes",
    )
    yield Case(
        "int8_labels", _pair([0, 1, 1, 0, 1, 0], [1, 1, 0, 0, 1, 1], np.int8), "integer dtypes"
    )
    yield Case(
        "float_labels", _pair([1, 0, 1, 0, 1, 1], [1, 1, 0, 0, 1, 0], np.float64), "float dtype"
    )

    for i, (n, rate_true, flip) in enumerate(
        [(2000, 0.5, 0.2), (2000, 0.05, 0.1), (1500, 0.9, 0.3), (999, 0.3, 0.45)]
    ):
        y_true = (rng.random(n) < rate_true).astype(np.int64)
        y_pred = np.where(rng.random(n) < flip, 1 - y_true, y_true)
        yield Case(f"random_{i}", (y_true, y_pred), "random")
    y_true = (rng.random(2000) < 0.4).astype(np.uint8)
    y_pred = np.where(rng.random(2000) < 0.25, 1 - y_true, y_true).astype(np.uint8)
    yield Case("random_uint8", (y_true, y_pred), "integer dtypes")
