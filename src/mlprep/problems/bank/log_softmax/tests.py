"""Hand-made shapes and extreme values first, then seeded random arrays of 1 to 4 dimensions."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case("one_vector", (np.array([1.0, 2.0, 3.0]),), "1-D")
    yield Case("rows_of_a_matrix", (np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]),), "2-D")
    yield Case("large_offset", (np.array([1000.0, 1001.0, 1002.0]),), "large values")

    yield Case("single_element", (np.array([-3.5]),), "last axis of length 1")
    yield Case(
        "column_of_length_one_slices",
        (np.array([[2.0], [-7.0], [0.0], [1e4]]),),
        "last axis of length 1",
    )
    yield Case("all_equal_rows", (np.array([[4.0] * 5, [-2.5] * 5, [1e4] * 5]),), "all equal")
    # A probability of e^-20000 is 0 in float64, but its logarithm, -20000, is perfectly finite.
    yield Case("extremes_in_one_row", (np.array([1e4, -1e4, 0.0]),), "large values")
    # e^-800 underflows to 0 even though both scores are moderate.
    yield Case("gap_of_800", (np.array([[0.0, -800.0], [5.0, 4.0]]),), "large values")
    yield Case(
        "huge_positive_values", (np.array([1e4, 9999.0, 9990.0, 1e4 - 0.5]),), "large values"
    )
    yield Case(
        "big_negative_row", (np.array([-1e4, -1e4 + 1.0, -1e4 + 3.0, -9990.0]),), "large values"
    )
    # Each row needs its own maximum: one global shift underflows the lower rows to log(0).
    yield Case(
        "rows_far_apart",
        (np.array([[1e4, 9998.0, 9999.5], [-1e4, -9999.0, -1e4 + 0.25], [0.5, -0.5, 0.0]]),),
        "large values",
    )
    # Square inputs: working along axis 0 instead of the last axis keeps the shape.
    yield Case(
        "square_matrix", (np.array([[1.0, 2.0, 0.0], [3.0, -1.0, 2.0], [0.0, 0.0, 5.0]]),), "axis"
    )
    yield Case("square_random", (rng.normal(0, 3, size=(6, 6)),), "axis")
    yield Case("single_row_matrix", (rng.normal(size=(1, 7)),), "axis")
    yield Case("three_d", (rng.normal(0, 2, size=(2, 3, 4)),), "3-D")
    yield Case("three_d_cube", (rng.normal(0, 5, size=(4, 4, 4)),), "3-D")
    yield Case("four_d", (rng.normal(size=(2, 3, 2, 5)),), "n-D")
    yield Case("nearly_uniform", (1.0 + 1e-9 * rng.normal(size=(3, 6)),), "tiny differences")
    yield Case("random_long_vector", (rng.normal(0, 100, size=50),), "random")
    yield Case("random_big_batch", (rng.normal(0, 10, size=(2000, 50)),), "random")
    yield Case("random_extreme_batch", (rng.uniform(-1e4, 1e4, size=(40, 8)),), "large values")
