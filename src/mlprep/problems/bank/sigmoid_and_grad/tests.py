"""Hand-made vectors and extreme magnitudes first, then seeded arrays of 1 to 4 dimensions."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case("small_vector", (np.array([-2.0, -1.0, 0.0, 1.0, 2.0]),), "1-D")
    yield Case("matrix", (np.array([[0.5, -0.5, 3.0], [-4.0, 10.0, 0.0]]),), "2-D")
    yield Case("large_magnitudes", (np.array([-1000.0, -50.0, 50.0, 1000.0]),), "large values")

    yield Case("single_zero", (np.array([0.0]),), "tiny")
    yield Case("single_element", (np.array([0.75]),), "tiny")
    # exp(z) overflows for z above about 709.78: a form with e^z on top and bottom gives inf/inf.
    yield Case(
        "large_positive_only", (np.array([709.0, 710.0, 750.0, 900.0, 1000.0]),), "large values"
    )
    # exp(-z) overflows for z below about -709.78: its square overflows even sooner.
    yield Case(
        "large_negative_only",
        (np.array([-1000.0, -900.0, -750.0, -710.0, -709.0, -400.0]),),
        "large values",
    )
    yield Case("limits_in_a_column", (np.array([[1e3], [-1e3], [0.0], [-1e-3]]),), "large values")
    # Saturated but not yet rounded to 0 or 1: the derivative is small but must still be right.
    yield Case(
        "near_saturation",
        (np.array([-30.0, -20.0, -12.0, -8.0, 8.0, 12.0, 20.0, 30.0]),),
        "saturation",
    )
    yield Case("tiny_values", (np.array([1e-12, -1e-12, 1e-300, -1e-300, 5e-324]),), "tiny values")
    yield Case("all_zeros_matrix", (np.zeros((3, 4)),), "all equal")
    yield Case("three_d", (rng.normal(0, 4, size=(2, 3, 4)),), "3-D")
    yield Case("four_d", (rng.normal(0, 2, size=(2, 2, 3, 5)),), "n-D")
    yield Case("row_vector", (rng.normal(0, 3, size=(1, 9)),), "2-D")
    yield Case("random_long_vector", (rng.normal(0, 5, size=2000),), "random")
    yield Case("random_big_batch", (rng.normal(0, 10, size=(2000, 50)),), "random")
    yield Case("random_full_range", (rng.uniform(-1e3, 1e3, size=(50, 20)),), "large values")
    mixed = rng.choice([-1e3, -800.0, -5.0, 0.0, 5.0, 800.0, 1e3], size=(6, 7))
    yield Case("random_mixed_extremes", (mixed,), "large values")
