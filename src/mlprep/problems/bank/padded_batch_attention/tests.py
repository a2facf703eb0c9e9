"""Hand-made cases first (the example, left padding, padding without the causal mask, no padding,
length-1 sequences), then seeded random batches. Padded positions are filled with large garbage,
so a key that leaks through the mask dominates its row."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: two sequences of lengths 3 and 2, padded on the right to T = 3.
    yield Case(
        "right_padded_causal",
        (
            np.array([[[1.0], [0.0], [2.0]], [[1.0], [-1.0], [9.0]]]),
            np.array([[[1.0], [2.0], [0.0]], [[0.0], [1.0], [9.0]]]),
            np.array([[[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]], [[4.0, 0.0], [0.0, 4.0], [9.0, 9.0]]]),
            np.array([3, 2], np.int64),
        ),
        "basic",
    )
    # Left padding, as in batched generation with a decoder: the real tokens come last.
    yield Case(
        "left_padded_causal",
        (*_batch(rng, 3, 5, 4, 3, [5, 3, 1], "left"), np.array([5, 3, 1], np.int64), True, "left"),
        "left padding",
    )
    # Without the causal mask only the key padding mask remains.
    yield Case(
        "right_padded_bidirectional",
        (
            *_batch(rng, 2, 4, 2, 2, [4, 2], "right"),
            np.array([4, 2], np.int64),
            False,
            "right",
        ),
        "no causal",
    )

    yield Case(
        "left_padded_bidirectional",
        (*_batch(rng, 3, 6, 3, 2, [2, 6, 4], "left"), np.array([2, 6, 4], np.int64), False, "left"),
        "no causal",
    )
    # No padding at all: plain causal self-attention per sequence.
    yield Case(
        "no_padding",
        (*_batch(rng, 2, 5, 4, 3, [5, 5], "right"), np.array([5, 5], np.int64)),
        "no padding",
    )
    # Every sequence is a single token: each real row attends only to itself.
    yield Case(
        "length_one_right",
        (*_batch(rng, 3, 4, 2, 2, [1, 1, 1], "right"), np.array([1, 1, 1], np.int64)),
        "length 1",
    )
    yield Case(
        "length_one_left",
        (
            *_batch(rng, 2, 4, 2, 2, [1, 1], "left"),
            np.array([1, 1], np.int64),
            False,
            "left",
        ),
        "length 1",
    )
    yield Case(
        "single_sequence",
        (*_batch(rng, 1, 7, 3, 4, [4], "right"), np.array([4], np.int64), False),
        "one sequence",
    )
    # Large scores among the real tokens: the softmax must subtract the row maximum.
    Q, K, V = _batch(rng, 2, 6, 4, 2, [6, 4], "left")
    yield Case(
        "large_scores",
        (40.0 * Q, 40.0 * K, V, np.array([6, 4], np.int64), True, "left"),
        "large scores",
    )
    for i, (B, T, d, d_v) in enumerate(
        [
            (4, 8, 4, 4),
            (6, 16, 8, 5),
            (8, 30, 16, 8),
            (16, 50, 8, 8),
            (5, 12, 2, 3),
            (3, 64, 32, 16),
        ]
    ):
        lengths = rng.integers(1, T + 1, size=B)
        side = "left" if i % 2 else "right"
        causal = i % 3 != 2
        yield Case(
            f"random_{i}",
            (*_batch(rng, B, T, d, d_v, lengths, side), lengths.astype(np.int64), causal, side),
            "random",
        )


def _batch(rng, B, T, d, d_v, lengths, side):
    """Random Q, K, V with large garbage (around 50) at the padded positions."""
    Q, K, V = rng.normal(size=(B, T, d)), rng.normal(size=(B, T, d)), rng.normal(size=(B, T, d_v))
    for b, n in enumerate(lengths):
        pad = slice(int(n), T) if side == "right" else slice(0, T - int(n))
        for X in (Q, K, V):
            X[b, pad] = 50.0 + rng.normal(size=X[b, pad].shape)
    return Q, K, V
