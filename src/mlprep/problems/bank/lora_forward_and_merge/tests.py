"""Hand-made cases first (the example, a fresh adapter with B = 0, rank 1, alpha equal to r, a
full-rank adapter), then seeded random layers with the usual (r, alpha) pairs and d_in != r."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "rank_two_example",
        (
            np.array([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0]]),
            np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
            np.array([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]]),
            np.array([[1.0, 0.5], [0.25, 1.0]]),
            4.0,
        ),
        "basic",
    )
    # A freshly initialised adapter has B = 0: the layer behaves exactly like W.
    yield Case(
        "fresh_adapter_b_zero",
        (
            rng.normal(size=(4, 5)),
            rng.normal(size=(5, 3)),
            rng.normal(size=(5, 2)),
            np.zeros((2, 3)),
            16.0,
        ),
        "initialisation",
    )
    yield Case(
        "rank_one",
        (
            rng.normal(size=(3, 6)),
            rng.normal(size=(6, 4)),
            rng.normal(size=(6, 1)),
            rng.normal(size=(1, 4)),
            8.0,
        ),
        "rank 1",
    )

    # alpha == r: the scale is exactly 1.
    yield Case(
        "alpha_equals_rank",
        (
            rng.normal(size=(5, 8)),
            rng.normal(size=(8, 8)),
            rng.normal(size=(8, 4)),
            rng.normal(size=(4, 8)),
            4.0,
        ),
        "scale",
    )
    yield Case(
        "full_rank_adapter",
        (
            rng.normal(size=(4, 3)),
            rng.normal(size=(3, 5)),
            rng.normal(size=(3, 3)),
            rng.normal(size=(3, 5)),
            1.0,
        ),
        "scale",
    )
    yield Case(
        "single_input_row",
        (
            rng.normal(size=(1, 10)),
            rng.normal(size=(10, 7)),
            rng.normal(size=(10, 2)),
            rng.normal(size=(2, 7)),
            32.0,
        ),
        "tiny",
    )
    # A small alpha: the adapter's contribution is a small correction to x W.
    yield Case(
        "small_alpha",
        (
            rng.normal(size=(6, 4)),
            rng.normal(size=(4, 4)),
            rng.normal(size=(4, 2)),
            rng.normal(size=(2, 4)),
            0.5,
        ),
        "scale",
    )

    for i, (n, d_in, d_out, r, alpha) in enumerate(
        [
            (10, 8, 6, 2, 16.0),
            (50, 16, 16, 4, 8.0),
            (200, 32, 24, 8, 16.0),
            (500, 50, 50, 16, 32.0),
            (2000, 20, 10, 4, 1.0),
            (30, 12, 40, 3, 6.0),
            (100, 50, 5, 10, 20.0),
            (7, 3, 2, 1, 2.0),
        ]
    ):
        x = rng.normal(size=(n, d_in))
        W = rng.normal(0, 1 / np.sqrt(d_in), size=(d_in, d_out))
        A = rng.normal(0, 1 / np.sqrt(d_in), size=(d_in, r))
        B = rng.normal(0, 0.1, size=(r, d_out))
        yield Case(f"random_{i}", (x, W, A, B, alpha), "random")
