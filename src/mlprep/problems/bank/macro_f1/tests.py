"""Hand-made cases first (absent classes, classes only predicted or only true, one class, all
wrong, integer dtypes), then seeded labels with many class counts, imbalances and error rates."""

import numpy as np

from mlprep.problems import Case


def _pair(y_true, y_pred, dtype=np.int64):
    return np.array(y_true, dtype=dtype), np.array(y_pred, dtype=dtype)


def cases(rng):
    # The statement's example.
    yield Case("three_classes_basic", (*_pair([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0]), 3), "basic")
    # Class 3 appears in neither array: it still counts, with F1 = 0.
    yield Case(
        "absent_class_counts_zero", (*_pair([0, 1, 2, 0, 1], [0, 1, 2, 1, 1]), 4), "absent class"
    )
    yield Case("perfect_prediction", (*_pair([2, 0, 1, 1, 0], [2, 0, 1, 1, 0]), 3), "all correct")

    yield Case(
        "perfect_but_absent_classes",
        (*_pair([0, 1, 1, 0, 1], [0, 1, 1, 0, 1]), 5),
        "absent class",
    )
    # Class 2 is only predicted, class 3 only true: both score 0 and both count.
    yield Case(
        "class_only_predicted", (*_pair([0, 0, 1, 1, 1], [0, 2, 1, 1, 2]), 3), "absent class"
    )
    yield Case("class_only_true", (*_pair([0, 3, 1, 3, 1], [0, 0, 1, 1, 1]), 4), "absent class")
    yield Case(
        "many_absent_classes",
        (*_pair([3, 7, 7, 3, 12, 12, 3], [3, 7, 3, 3, 12, 7, 3]), 20),
        "absent class",
    )
    yield Case("one_class_only", (*_pair([0, 0, 0, 0], [0, 0, 0, 0]), 1), "one class")
    yield Case("single_sample_correct", (*_pair([1], [1]), 2), "tiny")
    yield Case("single_sample_wrong", (*_pair([0], [1]), 2), "tiny")
    yield Case("all_wrong", (*_pair([0, 1, 2, 0, 1, 2], [1, 2, 0, 2, 0, 1]), 3), "all wrong")
    # One big class predicted well, small classes poorly: macro differs from weighted and micro.
    y_true = [0] * 20 + [1] * 3 + [2] * 2
    y_pred = [0] * 19 + [1] + [1, 0, 0] + [2, 0]
    yield Case("imbalanced_classes", (*_pair(y_true, y_pred), 3), "imbalance")
    yield Case(
        "predict_one_class", (*_pair([0, 1, 2, 2, 1, 0, 2], [2] * 7), 3), "one-class predictions"
    )
    yield Case(
        "uint8_labels", (*_pair([0, 1, 2, 3, 1, 2], [0, 2, 2, 3, 1, 0], np.uint8), 4), "dtypes"
    )
    yield Case(
        "int32_labels", (*_pair([1, 1, 0, 2, 2, 0], [1, 0, 0, 2, 1, 0], np.int32), 3), "dtypes"
    )

    for i, (n, k, n_classes, error) in enumerate(
        [
            (2000, 5, 5, 0.3),
            (1000, 10, 12, 0.5),
            (300, 3, 3, 0.1),
            (1500, 30, 50, 0.4),
            (50, 4, 8, 0.6),
        ]
    ):
        probs = rng.dirichlet(np.full(k, 0.7))
        used = rng.choice(n_classes, size=k, replace=False)
        y_true = used[rng.choice(k, size=n, p=probs)]
        wrong = rng.random(n) < error
        y_pred = np.where(wrong, rng.integers(0, n_classes, size=n), y_true)
        yield Case(
            f"random_{i}", (y_true.astype(np.int64), y_pred.astype(np.int64), n_classes), "random"
        )
