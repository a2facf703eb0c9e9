"""Hand-made cases first (the example, exact halves that must round to even, an all-zero row,
a row whose largest magnitude is negative, one outlier channel, very large and very small
rows), then seeded random weight matrices of several shapes and scales."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_channels",
        (np.array([[0.6, -1.0, 0.25, 0.0], [254.0, 5.0, -3.0, 7.0]]),),
        "basic",
    )
    # Row 0 has absmax 127 (scale 1) and row 1 absmax 254 (scale 2): every W / s below is an
    # exact half, which np.round sends to the even neighbour.
    yield Case(
        "halves_round_to_even",
        (
            np.array(
                [
                    [127.0, 2.5, -0.5, 0.5, 1.5, -2.5, 126.5, -3.5],
                    [254.0, 5.0, 3.0, 7.0, -1.0, -5.0, 1.0, 253.0],
                ]
            ),
        ),
        "rounding",
    )
    yield Case(
        "zero_channel",
        (np.array([[0.0, 0.0, 0.0], [1.25, -2.0, 0.5], [0.0, 0.0, 0.0]]),),
        "zero channel",
    )

    yield Case("all_zeros", (np.zeros((3, 4)),), "zero channel")
    # The largest magnitude is negative: it must map to -127, not be missed by max(W).
    yield Case(
        "negative_absmax",
        (np.array([[-8.0, 1.0, 2.0, -0.25], [2.0, -6.0, 0.0, 1.5]]),),
        "signs",
    )
    # One outlier channel: per-tensor scaling would crush the other rows to 0 and +-1.
    outlier = rng.normal(0, 0.02, size=(6, 8))
    outlier[2] *= 500.0
    yield Case("outlier_channel", (outlier,), "per channel")
    yield Case(
        "mixed_magnitudes",
        (rng.normal(size=(4, 10)) * np.array([[1e4], [1.0], [1e-6], [3e-3]]),),
        "per channel",
    )
    yield Case("single_value", (np.array([[-0.3]]),), "tiny")
    yield Case("single_row", (rng.normal(size=(1, 16)),), "tiny")
    # Square matrix: scaling per column gives the right shapes but wrong numbers.
    yield Case(
        "square_matrix", (rng.normal(size=(5, 5)) * rng.uniform(0.1, 10, size=(5, 1)),), "axis"
    )
    # Multiples of 1/8 with absmax 127/8 per row: scale 1/8, so W / s lands on integers and
    # exact halves (1/16 steps).
    halves = rng.integers(-254, 255, size=(8, 12)) / 16.0
    halves[:, 0] = 127.0 / 8.0
    yield Case("random_exact_halves", (halves,), "rounding")

    for i, (rows, cols, scale) in enumerate(
        [
            (4, 8, 1.0),
            (16, 16, 0.05),
            (32, 50, 1.0),
            (100, 20, 3.0),
            (2000, 10, 0.02),
            (50, 50, 1e3),
            (7, 3, 1e-4),
        ]
    ):
        W = rng.normal(0, scale, size=(rows, cols)) * rng.uniform(0.2, 5.0, size=(rows, 1))
        yield Case(f"random_{i}", (W,), "random")
    # Heavy-tailed weights, with a few all-zero rows (pruned channels).
    W = rng.standard_t(3, size=(40, 30))
    W[rng.choice(40, size=4, replace=False)] = 0.0
    yield Case("random_heavy_tails_pruned", (W,), "zero channel")
