"""Hand-made small arrays first (evaluation mode, p = 0, high and low p, shapes from 1-D to 4-D),
then seeded activations of many shapes, drop rates, scales and seeds."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example.
    x = np.array([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]])
    yield Case("small_matrix_half", (x, 0.5, 0), "basic")
    yield Case("evaluation_mode", (x, 0.5, 0, False), "evaluation mode")
    yield Case("vector_p_0_25", (np.arange(1.0, 9.0), 0.25, 42, True), "basic")

    yield Case("p_zero_is_identity", (rng.normal(size=(4, 5)), 0.0, 7), "p = 0")
    yield Case("p_zero_evaluation", (rng.normal(size=(3, 3)), 0.0, 7, False), "p = 0")
    yield Case("evaluation_high_p", (rng.normal(size=(6, 4)), 0.9, 3, False), "evaluation mode")
    yield Case("evaluation_3d", (rng.normal(size=(2, 3, 4)), 0.3, 11, False), "evaluation mode")
    yield Case("high_p", (rng.normal(size=(20, 10)), 0.9, 5), "high p")
    yield Case("very_high_p", (rng.normal(size=(50, 8)), 0.99, 123), "high p")
    yield Case("low_p", (rng.normal(size=(30, 6)), 0.01, 8), "low p")
    yield Case("single_element", (np.array([2.5]), 0.4, 1), "tiny")
    yield Case("single_element_2d", (np.array([[-1.5]]), 0.6, 2), "tiny")
    yield Case("all_zeros_input", (np.zeros((5, 5)), 0.5, 9), "zeros")
    yield Case("three_dims", (rng.normal(size=(4, 3, 5)), 0.3, 2024), "shapes")
    yield Case("four_dims_images", (rng.normal(size=(2, 3, 6, 6)), 0.2, 77), "shapes")
    yield Case("non_square_tall", (rng.normal(size=(40, 3)), 0.5, 31), "shapes")
    yield Case("non_square_wide", (rng.normal(size=(3, 40)), 0.5, 31), "shapes")
    yield Case("large_values", (rng.normal(size=(10, 10)) * 1e6, 0.3, 55), "scale")
    yield Case("tiny_values", (rng.normal(size=(10, 10)) * 1e-6, 0.3, 56), "scale")
    yield Case("big_seed", (rng.normal(size=(8, 8)), 0.45, 2**40 + 17), "seeds")
    yield Case("seed_zero_explicit_true", (rng.normal(size=(7, 9)), 0.6, 0, True), "seeds")

    for i, (shape, p) in enumerate(
        [((2000, 50), 0.5), ((500, 20), 0.1), ((64, 3, 8, 8), 0.25), ((1000,), 0.7)]
    ):
        x = rng.normal(size=shape) * rng.uniform(0.5, 5.0)
        yield Case(f"random_{i}", (x, p, int(rng.integers(0, 2**31))), "random")
