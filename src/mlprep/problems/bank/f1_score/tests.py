"""Hand-made edge cases (no true positives, no positives at all, one-class predictions,
integer dtypes), then seeded random labels of many sizes and positive rates."""

import numpy as np

from mlprep.problems import Case


def _pair(y_true, y_pred, dtype=np.int64):
    return np.array(y_true, dtype=dtype), np.array(y_pred, dtype=dtype)


def cases(rng):
    yield Case("small_mixed", _pair([1, 0, 1, 1, 0, 1], [1, 1, 0, 1, 0, 1]), "basic")
    yield Case("perfect_prediction", _pair([0, 1, 1, 0, 1], [0, 1, 1, 0, 1]), "all correct")
    yield Case("no_true_positives", _pair([1, 0, 1, 0, 0], [0, 1, 0, 0, 0]), "no true positives")

    # TP = 0 in every shape: only false positives, only false negatives, both.
    yield Case("only_false_positives", _pair([0, 0, 0, 0, 0], [0, 1, 1, 0, 1]), "no true positives")
    yield Case("only_false_negatives", _pair([1, 1, 0, 1], [0, 0, 0, 0]), "no true positives")
    yield Case(
        "all_predictions_flipped",
        _pair([1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 0, 1]),
        "no true positives",
    )
    # No positive anywhere: the denominator is 0, the score is 0.0.
    yield Case("all_negative", _pair([0] * 8, [0] * 8), "no positives at all")
    yield Case("single_negative", _pair([0], [0]), "no positives at all")
    yield Case("single_true_positive", _pair([1], [1]), "tiny")
    yield Case("all_positive_correct", _pair([1] * 6, [1] * 6), "all correct")

    y_true = (rng.random(40) < 0.4).astype(np.int64)
    y_true[:2] = [1, 0]
    yield Case("predict_all_ones", (y_true, np.ones(40, dtype=np.int64)), "one-class predictions")
    y_true = (rng.random(40) < 0.4).astype(np.int64)
    y_true[:2] = [1, 0]
    yield Case("predict_all_zeros", (y_true, np.zeros(40, dtype=np.int64)), "one-class predictions")

    # Other integer dtypes: unsigned subtraction wraps around (0 - 1 == 255 in uint8).
    yield Case(
        "uint8_labels",
        _pair([1, 1, 0, 1, 0, 0, 1], [1, 0, 1, 1, 0, 0, 0], np.uint8),
        "integer dtypes",
    )
    yield Case(
        "int8_labels", _pair([0, 1, 1, 0, 1, 0], [1, 1, 0, 0, 1, 1], np.int8), "integer dtypes"
    )
    yield Case("int32_labels", _pair([1, 0, 0, 1, 1], [1, 0, 1, 1, 0], np.int32), "integer dtypes")
    yield Case(
        "float_labels", _pair([1, 0, 1, 0, 1, 1], [1, 0, 0, 0, 1, 0], np.float64), "float dtype"
    )

    for i, (n, rate_true, flip) in enumerate(
        [(2000, 0.5, 0.2), (2000, 0.05, 0.1), (1500, 0.9, 0.3), (2000, 0.3, 0.5), (777, 0.2, 0.05)]
    ):
        y_true = (rng.random(n) < rate_true).astype(np.int64)
        y_pred = np.where(rng.random(n) < flip, 1 - y_true, y_true)
        yield Case(f"random_{i}", (y_true, y_pred), "random")
    y_true = (rng.random(2000) < 0.5).astype(np.uint8)
    y_pred = np.where(rng.random(2000) < 0.3, 1 - y_true, y_true).astype(np.uint8)
    yield Case("random_uint8", (y_true, y_pred), "integer dtypes")
