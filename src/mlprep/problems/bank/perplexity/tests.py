"""Hand-made cases first (the example, a fully padded row, padding holding garbage, left
padding, exact perplexities of 1 and V), then seeded random batches whose sequence lengths
differ, so token weighting and sequence weighting give different answers."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_sequences",
        (
            np.array([[-0.5, -1.0, -1.5, 0.0], [-2.0, -9.0, -9.0, -9.0]]),
            np.array([[1, 1, 1, 0], [1, 0, 0, 0]], np.int64),
        ),
        "basic",
    )
    # One row is all padding: it contributes no tokens (and no NaN).
    yield Case(
        "fully_padded_row",
        (
            np.array([[-1.0, -2.0, -0.25], [0.0, 0.0, 0.0], [-0.75, -3.0, 0.0]]),
            np.array([[1, 1, 1], [0, 0, 0], [1, 1, 0]], np.int64),
        ),
        "empty sequence",
    )
    # Padding positions hold large values that would swamp the answer if they were counted.
    yield Case(
        "padding_holds_garbage",
        (
            np.array([[-1.0, 50.0, 50.0], [-0.5, -0.25, -1e9]]),
            np.array([[1, 0, 0], [1, 1, 0]], np.int64),
        ),
        "padding",
    )

    # Left padding: the real tokens sit at the end of each row.
    lp = -rng.exponential(1.5, size=(4, 6))
    left = np.array(
        [[0, 0, 1, 1, 1, 1], [0, 0, 0, 0, 0, 1], [1, 1, 1, 1, 1, 1], [0, 1, 1, 1, 1, 1]]
    )
    yield Case("left_padding", (lp, left.astype(np.int64)), "padding")
    yield Case(
        "no_padding",
        (-rng.exponential(1.0, size=(3, 5)), np.ones((3, 5), np.int64)),
        "no padding",
    )
    # Every real token has probability 1: perplexity exactly 1.
    yield Case(
        "certain_model",
        (np.zeros((2, 4)), np.array([[1, 1, 0, 0], [1, 1, 1, 1]], np.int64)),
        "exact",
    )
    # Uniform over 8 tokens: perplexity exactly 8, whatever the lengths.
    yield Case(
        "uniform_over_eight",
        (
            np.full((3, 5), -np.log(8.0)),
            np.array([[1, 1, 1, 1, 1], [1, 0, 0, 0, 0], [1, 1, 0, 0, 0]]),
        ),
        "exact",
    )
    yield Case("single_token", (np.array([[-2.5, 7.0]]), np.array([[1, 0]], np.int64)), "tiny")
    # One long confident sequence and one short confused one: the weighting matters a lot.
    long_short = np.full((2, 20), -0.05)
    long_short[1, :2] = [-4.0, -6.0]
    mask = np.zeros((2, 20), np.int64)
    mask[0] = 1
    mask[1, :2] = 1
    yield Case("long_and_short_sequence", (long_short, mask), "weighting")
    # Mean negative log-likelihood of several hundred: perplexity near 1e200, still finite.
    yield Case(
        "huge_perplexity",
        (
            -500.0 - rng.exponential(50.0, size=(3, 4)),
            np.array([[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0]]),
        ),
        "large values",
    )

    for i, (b, t) in enumerate(
        [(4, 10), (8, 16), (16, 32), (32, 50), (64, 30), (2, 1000), (100, 20), (10, 5)]
    ):
        lp = -rng.exponential(rng.uniform(0.5, 3.0), size=(b, t))
        lengths = rng.integers(0, t + 1, size=b)
        lengths[0] = max(lengths[0], 1)  # at least one real token in the batch
        mask = (np.arange(t)[None, :] < lengths[:, None]).astype(np.int64)
        if i % 2:  # left padding in every other case
            mask = mask[:, ::-1].copy()
        lp[mask == 0] = rng.normal(0, 20.0, size=int((mask == 0).sum()))  # arbitrary padding values
        yield Case(f"random_{i}", (lp, mask), "random")
