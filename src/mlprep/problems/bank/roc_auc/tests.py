"""Hand-made rankings and ties first, then seeded data: imbalance, magnitudes, integer scores."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case("simple_ranking", (np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])), "basic")
    yield Case(
        "one_tie_counts_half", (np.array([0, 1, 0, 1]), np.array([0.2, 0.5, 0.5, 0.9])), "ties"
    )
    yield Case(
        "perfect_ranking", (np.array([1, 0, 1, 0, 0]), np.array([0.9, 0.1, 0.8, 0.3, 0.2])), "basic"
    )

    yield Case(
        "inverted_ranking",
        (np.array([1, 1, 0, 0, 0, 1]), np.array([0.1, 0.2, 0.7, 0.9, 0.8, 0.3])),
        "inverted",
    )
    yield Case("two_samples_tied", (np.array([1, 0]), np.array([0.3, 0.3])), "ties")
    yield Case("all_scores_equal", (np.array([0, 0, 1, 1, 0, 1, 1]), np.full(7, 0.42)), "ties")
    # Negatives listed before positives inside every tie group, and scores given as ints.
    yield Case(
        "tie_groups_negatives_first",
        (np.array([0, 0, 1, 1, 0, 1, 0, 1]), np.array([3, 3, 3, 3, 1, 1, 5, 7])),
        "ties",
    )
    yield Case(
        "small_integer_scores",
        (rng.permutation(np.r_[np.zeros(18, int), np.ones(12, int)]), rng.integers(0, 4, size=30)),
        "ties",
    )
    y = rng.integers(0, 2, size=400)
    y[:2] = [0, 1]
    yield Case(
        "wide_integer_scores",
        (y, rng.integers(-(10**6), 10**6, size=400) // 1000 + 5 * y),
        "integer scores",
    )
    y = np.zeros(50, int)
    y[17] = 1
    yield Case("one_positive_only", (y, rng.normal(size=50) + y), "imbalance")
    scores = rng.normal(size=40).round(1)
    yield Case("one_negative_only", (1 - y[:40], scores), "imbalance")
    y = np.zeros(2000, int)
    y[rng.choice(2000, size=15, replace=False)] = 1
    yield Case("heavy_imbalance", (y, rng.normal(size=2000) + 1.5 * y), "imbalance")
    y = np.zeros(1000, int)
    y[rng.choice(1000, size=10, replace=False)] = 1
    yield Case(
        "heavy_imbalance_with_ties",
        (y, np.clip(rng.normal(0.3, 0.2, size=1000) + 0.2 * y, 0, 1).round(1)),
        "imbalance",
    )
    y = rng.integers(0, 2, size=300)
    y[:2] = [0, 1]
    yield Case("huge_magnitudes", (y, (rng.normal(size=300) + y) * 1e250), "huge scores")
    yield Case("tiny_magnitudes", (y, (rng.normal(size=300) + 0.7 * y) * 1e-250), "tiny scores")
    yield Case(
        "tiny_positive_probabilities",
        (y, rng.uniform(0, 1e-200, size=300) * (1 + y)),
        "tiny scores",
    )
    yield Case("logit_scores", (y, rng.normal(-1.0, 3.0, size=300) + 2.0 * y), "logits")
    y = rng.integers(0, 2, size=2000)
    y[:2] = [0, 1]
    probabilities = 1 / (1 + np.exp(-(rng.normal(size=2000) + 1.2 * y)))
    yield Case("random_probabilities", (y, probabilities), "random")
    yield Case("rounded_probabilities", (y, probabilities.round(1)), "ties")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    y = np.repeat(np.array([0, 1], dtype=np.int64), 50)
    yield Case("toy_noisy_scores", (y, y + rng.normal(0, 0.8, 100)), "toy data")
