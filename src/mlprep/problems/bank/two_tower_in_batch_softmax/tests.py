"""Hand-made edge cases first (uniform probabilities, where the correction cancels only if the
positive is corrected too; logits in the thousands; a batch of one; a dominant popular item;
duplicate candidates; extreme temperatures), then seeded random batches with popularity-skewed
sampling probabilities."""

import numpy as np

from mlprep.problems import Case


def _a(rows):
    return np.array(rows, dtype=float)


def cases(rng):
    # The statement's example.
    yield Case(
        "example",
        (_a([[1, 0], [0, 1], [1, 1]]), _a([[1, 0], [0, 1], [1, -1]]), _a([0.5, 0.25, 0.125]), 0.5),
        "basic",
    )
    # Equal probabilities shift every logit of a row by the same amount: with the positive
    # corrected too, the result is the uncorrected one.
    yield Case(
        "uniform_probabilities",
        (
            _a([[1, 2], [0, -1], [2, 0], [1, 1]]),
            _a([[0, 1], [1, -1], [1, 1], [-1, 2]]),
            np.full(4, 0.01),
            1.0,
        ),
        "uniform",
    )
    # Logits in the thousands (unit-free embeddings, temperature 0.05): exp overflows unless the
    # row maximum is subtracted first.
    Q = 8.0 * _unit(rng.normal(size=(5, 4)))
    C = 8.0 * _unit(rng.normal(size=(5, 4)))
    yield Case("large_logits", (Q, C, _a([0.3, 0.05, 0.2, 0.01, 0.15]), 0.05), "large logits")
    yield Case("toy_batch", _toy_batch(rng), "toy data")

    # A batch of one: the only candidate is the positive, the loss and gradients are 0.
    yield Case(
        "batch_of_one", (_a([[1, -2, 3]]), _a([[0.5, 1, -1]]), _a([0.2]), 0.1), "one example"
    )
    # One candidate is sampled 90% of the time: uncorrected, it would be pushed down hard.
    Q = _unit(rng.normal(size=(6, 3)))
    C = _unit(rng.normal(size=(6, 3)))
    p = _a([0.9, 0.02, 0.02, 0.02, 0.02, 0.02])
    yield Case("dominant_popular_item", (Q, C, p, 0.2), "popularity")
    # The same item is the positive of two rows (same embedding, same probability): it is not
    # masked as an accidental hit, it simply appears twice in every row.
    C = _unit(rng.normal(size=(5, 4)))
    C[3] = C[1]
    p = _a([0.1, 0.3, 0.05, 0.3, 0.2])
    yield Case("duplicate_candidates", (_unit(rng.normal(size=(5, 4))), C, p, 0.1), "duplicates")
    yield Case(
        "tiny_probabilities",
        (
            rng.normal(size=(6, 5)),
            rng.normal(size=(6, 5)),
            _a([1e-6, 1e-3, 0.5, 1e-5, 0.02, 0.1]),
            1.0,
        ),
        "popularity",
    )
    yield Case(
        "all_probabilities_one",
        (rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), np.ones(4), 0.7),
        "uniform",
    )
    yield Case(
        "large_temperature",
        (rng.normal(size=(8, 6)), rng.normal(size=(8, 6)), _zipf_probabilities(rng, 8), 50.0),
        "temperature",
    )
    # Strongly negative logits everywhere but all of the same size: exp underflows to 0.
    Q = -30.0 * np.ones((4, 2)) + rng.normal(0, 0.1, size=(4, 2))
    C = 30.0 * np.ones((4, 2)) + rng.normal(0, 0.1, size=(4, 2))
    yield Case("large_negative_logits", (Q, C, _zipf_probabilities(rng, 4), 0.5), "large logits")
    yield Case(
        "one_dimension",
        (rng.normal(size=(7, 1)), rng.normal(size=(7, 1)), _zipf_probabilities(rng, 7), 0.3),
        "d = 1",
    )

    for i, (B, d, temperature, normalise) in enumerate(
        [
            (16, 8, 0.1, True),
            (64, 32, 0.05, True),
            (256, 16, 1.0, False),
            (512, 50, 0.07, True),
            (32, 4, 2.0, False),
            (1000, 10, 0.2, True),
        ]
    ):
        Q = rng.normal(size=(B, d))
        C = rng.normal(size=(B, d))
        if normalise:
            Q, C = _unit(Q), _unit(C)
        yield Case(f"random_{i}", (Q, C, _zipf_probabilities(rng, B), temperature), "random")


def _unit(X):
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def _zipf_probabilities(rng, B):
    # The in-batch sampling probability of each candidate under a Zipf-like popularity over a
    # catalogue of 5000 items, as a streaming frequency estimate would give it.
    ranks = rng.integers(1, 5001, size=B)
    weights = 1.0 / ranks
    catalogue = (1.0 / np.arange(1, 5001)).sum()
    return np.minimum(1.0, B * weights / catalogue)


def _toy_batch(rng):
    # Eight queries whose positives get steadily less popular: the correction helps the rare
    # ones most.
    Q = _unit(rng.normal(size=(8, 3)))
    C = _unit(Q + rng.normal(0, 0.5, size=(8, 3)))
    p = _a([0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005])
    return Q, C, p, 0.2
