"""Hand-made arrays with exact zeros first, then seeded arrays of 1 to 4 dimensions."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "mixed_signs",
        (np.array([-2.0, -0.5, 1.5, 3.0]), np.array([0.1, -0.2, 0.3, -0.4])),
        "1-D",
    )
    yield Case(
        "zero_gets_no_gradient",
        (np.array([-1.0, 0.0, 2.0]), np.array([5.0, 5.0, 5.0])),
        "exact zeros",
    )
    yield Case(
        "matrix",
        (
            np.array([[1.0, -1.0], [0.5, -3.0], [2.0, 4.0]]),
            np.array([[1.0, 2.0], [3.0, 4.0], [-5.0, 6.0]]),
        ),
        "2-D",
    )

    # Exact zeros with non-zero upstream gradients: the slope at 0 must be 0, not 1 or 1/2.
    yield Case("all_zeros", (np.zeros((3, 4)), rng.normal(0, 2, size=(3, 4))), "exact zeros")
    yield Case(
        "negative_zero",
        (np.array([-0.0, 0.0, -0.0, 1.0]), np.array([2.0, -3.0, 4.0, 1.0])),
        "exact zeros",
    )
    ints = rng.integers(-2, 3, size=(40, 6)).astype(float)  # about one entry in five is 0
    yield Case("many_exact_zeros", (ints, rng.normal(0, 1, size=(40, 6))), "exact zeros")
    yield Case("single_zero", (np.array([0.0]), np.array([-7.5])), "exact zeros")
    yield Case("single_positive", (np.array([2.5]), np.array([-1.5])), "tiny")
    yield Case(
        "all_positive", (rng.uniform(0.1, 5, size=(5, 3)), rng.normal(0, 1, size=(5, 3))), "signs"
    )
    yield Case("all_negative", (rng.uniform(-5, -0.1, size=12), rng.normal(0, 1, size=12)), "signs")
    # Negative upstream gradients pass through unchanged wherever z > 0.
    yield Case(
        "negative_upstream",
        (np.array([3.0, -3.0, 2.0, -2.0, 1.0]), np.array([-1.0, -2.0, -3.0, 4.0, -5.0])),
        "signs",
    )
    yield Case("zero_upstream", (rng.normal(0, 1, size=(4, 5)), np.zeros((4, 5))), "zero upstream")
    # The smallest positive floats are still strictly positive.
    yield Case(
        "tiny_magnitudes",
        (np.array([5e-324, -5e-324, 1e-300, -1e-300, 0.0]), np.array([1.0, 1.0, 2.0, 2.0, 3.0])),
        "tiny values",
    )
    yield Case(
        "huge_magnitudes",
        (np.array([1e300, -1e300, 1e10, -1e10]), np.array([1e-3, 1e-3, 1e6, 1e6])),
        "large values",
    )
    yield Case(
        "three_d",
        (np.round(rng.normal(0, 1, size=(2, 3, 4)), 1), rng.normal(0, 1, size=(2, 3, 4))),
        "3-D",
    )
    yield Case(
        "four_d",
        (np.round(rng.normal(0, 1, size=(2, 2, 3, 5)), 1), rng.normal(0, 1, size=(2, 2, 3, 5))),
        "n-D",
    )
    yield Case(
        "random_big_batch",
        (rng.normal(0, 3, size=(2000, 50)), rng.normal(0, 1, size=(2000, 50))),
        "random",
    )
    z = rng.normal(0, 1, size=(300, 20))
    z[rng.random(size=z.shape) < 0.3] = 0.0
    yield Case("random_sparse_zeros", (z, rng.normal(0, 1, size=(300, 20))), "exact zeros")
