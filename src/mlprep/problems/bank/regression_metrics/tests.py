"""Hand-made cases first (perfect predictions, constant targets with exact and inexact float
means, negative R², one sample), then seeded data at large offsets, tiny and huge scales."""

import numpy as np

from mlprep.problems import Case


def _pair(y_true, y_pred):
    return np.array(y_true, dtype=np.float64), np.array(y_pred, dtype=np.float64)


def cases(rng):
    yield Case("small_example", _pair([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]), "basic")
    yield Case(
        "perfect_predictions",
        _pair([1.5, -2.0, 4.0, 0.25, 3.0], [1.5, -2.0, 4.0, 0.25, 3.0]),
        "perfect",
    )
    yield Case(
        "constant_targets", _pair([3.0, 3.0, 3.0, 3.0], [2.0, 3.0, 4.0, 3.0]), "constant targets"
    )

    yield Case(
        "worse_than_the_mean", _pair([1.0, 2.0, 3.0, 4.0], [4.0, 3.0, 2.0, 1.0]), "negative r2"
    )
    yield Case("predicting_the_mean", _pair([2.0, 4.0, 6.0, 8.0, 10.0], [6.0] * 5), "zero r2")
    yield Case("constant_targets_perfect", _pair([-2.5] * 6, [-2.5] * 6), "constant targets")
    # The float mean of three copies of 0.1 is not exactly 0.1: SS_tot computed from it is a tiny
    # positive number, but the targets are constant, so r2 is 0.0.
    yield Case(
        "constant_targets_inexact_mean", _pair([0.1, 0.1, 0.1], [0.1, 0.2, 0.0]), "constant targets"
    )
    yield Case(
        "constant_targets_inexact_mean_perfect", _pair([0.7] * 7, [0.7] * 7), "constant targets"
    )
    yield Case(
        "constant_targets_large_offset",
        (np.full(10, 1e8 + 0.3), 1e8 + 0.3 + rng.normal(0, 0.5, size=10)),
        "constant targets",
    )
    yield Case("single_sample_exact", _pair([4.2], [4.2]), "tiny")
    yield Case("single_sample_off", _pair([4.2], [5.0]), "tiny")
    yield Case("two_samples", _pair([1.0, 3.0], [2.0, 2.5]), "tiny")
    yield Case(
        "integer_inputs",
        (
            np.array([3, 1, 4, 1, 5, 9, 2, 6], dtype=np.int64),
            np.array([3, 2, 4, 0, 5, 7, 2, 8], dtype=np.int64),
        ),
        "integer dtype",
    )

    # Targets near 1e8: sum(y**2) - n * mean**2 loses every significant digit here.
    y = 1e8 + rng.uniform(0.0, 1.0, size=200)
    yield Case("large_offset", (y, y + rng.normal(0.0, 0.2, size=200)), "large offset")
    y = -1e8 + rng.uniform(0.0, 5.0, size=2000)
    yield Case("large_negative_offset", (y, y + rng.normal(0.0, 1.0, size=2000)), "large offset")
    y = 1e8 + rng.uniform(0.0, 1.0, size=30)
    yield Case("large_offset_perfect", (y, y.copy()), "large offset")
    # Tiny scale: SS_tot is about 1e-11, far from zero in relative terms.
    y = rng.normal(0.0, 1e-6, size=50)
    yield Case("tiny_scale", (y, y + rng.normal(0.0, 4e-7, size=50)), "tiny scale")
    y = rng.normal(0.0, 1e6, size=500)
    yield Case("huge_scale", (y, y + rng.normal(0.0, 3e5, size=500)), "huge scale")
    y = rng.normal(5.0, 2.0, size=1000)
    yield Case("noisy_negative_r2", (y, rng.normal(5.0, 3.0, size=1000)), "negative r2")
    for i, (n, noise) in enumerate([(2000, 0.5), (100, 2.0), (777, 0.05)]):
        x = rng.normal(size=n)
        y = 3.0 * x - 1.0 + rng.normal(0.0, noise, size=n)
        yield Case(f"random_{i}", (y, 3.0 * x - 1.0), "random")
