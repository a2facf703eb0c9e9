"""Hand-made cases first (the example, no clipping needed, a norm exactly at the threshold,
all-zero gradients, tiny norms where the 1e-6 matters, one tensor, huge values), then seeded
random sets of 1-D and 2-D gradients of mixed sizes, above and below the threshold."""

from mlprep.problems import Case


def cases(rng):
    # Global norm 5 (a 3-4-5 triangle split over two tensors): every value shrinks by 1/5.
    yield Case("two_tensors", ([[3.0, 0.0], [[0.0], [4.0]]], 1.0), "basic")
    # Norm 0.5 < 1: nothing changes.
    yield Case("below_threshold", ([[0.3, 0.0], [[0.0, -0.4]]], 1.0), "no clipping")
    # Small gradients whose norm equals max_norm exactly: max_norm / (norm + 1e-6) < 1, so they
    # are still scaled, by 0.01 / 0.010001.
    yield Case("norm_equals_max_norm", ([[0.006], [[0.0, 0.008]]], 0.01), "threshold")

    yield Case("all_zero_gradients", ([[0.0, 0.0, 0.0], [[0.0, 0.0], [0.0, 0.0]]], 1.0), "zeros")
    # Norm 1e-5 against max_norm 1e-6: the 1e-6 in the denominator changes the scale by 10%.
    yield Case("tiny_gradients", ([[6e-6, 0.0], [8e-6]], 1e-6), "threshold")
    # One tensor's norm alone is below max_norm, the global norm is above it.
    yield Case(
        "each_below_global_above",
        ([[0.6, 0.0], [0.0, 0.6], [[0.6], [0.0]], [0.6]], 1.0),
        "global norm",
    )
    yield Case("single_tensor", ([_g(rng, (7,), 2.0)], 0.5), "one tensor")
    yield Case("single_value", ([[-3.0]], 2.0), "tiny")
    yield Case("huge_gradients", ([_g(rng, (3, 4), 1e6), _g(rng, (5,), 1e5)], 1.0), "large values")
    # One huge tensor and several small ones: clipping each tensor separately would leave the
    # small ones untouched.
    yield Case(
        "one_exploding_tensor",
        ([_g(rng, (4, 4), 100.0), _g(rng, (6,), 0.01), _g(rng, (2, 3), 0.01)], 1.0),
        "global norm",
    )

    for i, (n_tensors, scale, max_norm) in enumerate(
        [
            (3, 1.0, 1.0),
            (5, 0.1, 1.0),
            (8, 2.0, 5.0),
            (10, 0.5, 0.25),
            (4, 1e-3, 1e-2),
            (6, 10.0, 100.0),
        ]
    ):
        grads = []
        for _ in range(n_tensors):
            shape = (
                (int(rng.integers(1, 40)),)
                if rng.random() < 0.5
                else tuple(int(d) for d in rng.integers(1, 12, size=2))
            )
            grads.append(_g(rng, shape, scale * rng.uniform(0.2, 3.0)))
        yield Case(f"random_{i}", (grads, max_norm), "random")
    # A typical layer: weight, bias, weight, bias, with about 2000 values in all.
    grads = [
        _g(rng, (40, 30), 0.05),
        _g(rng, (30,), 0.01),
        _g(rng, (30, 20), 0.05),
        _g(rng, (20,), 0.01),
    ]
    yield Case("random_mlp_layers", (grads, 1.0), "random")

    # Well below the threshold: returned unchanged, never scaled up.
    grads = [_g(rng, (5, 3), 0.2), _g(rng, (9,), 0.1), _g(rng, (2, 2), 0.3)]
    yield Case("random_below_threshold", (grads, 50.0), "no clipping")


def _g(rng, shape, scale):
    """A gradient as nested lists of floats (the form the function receives)."""
    return rng.normal(0, scale, size=shape).tolist()
