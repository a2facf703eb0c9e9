"""Hand-made weighted pairs and ties first, then seeded data: zero, integer and extreme weights."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "weighted_basic",
        (np.array([0, 1, 0, 1]), np.array([0.1, 0.35, 0.4, 0.8]), np.array([1.0, 2.0, 3.0, 1.0])),
        "basic",
    )
    yield Case(
        "weighted_tie_counts_half",
        (np.array([0, 1, 0, 1]), np.array([0.2, 0.5, 0.5, 0.9]), np.array([1.0, 3.0, 2.0, 1.0])),
        "ties",
    )
    # The negative scored 0.9 weighs nothing: it must not pull the AUC down.
    yield Case(
        "zero_weight_ignored",
        (
            np.array([1, 0, 1, 0, 0]),
            np.array([0.7, 0.9, 0.6, 0.2, 0.65]),
            np.array([1.0, 0.0, 1.0, 1.0, 1.0]),
        ),
        "zero weights",
    )

    yield Case(
        "two_samples_tied",
        (np.array([1, 0]), np.array([0.3, 0.3]), np.array([5.0, 0.25])),
        "ties",
    )
    yield Case(
        "all_scores_equal",
        (np.array([0, 0, 1, 1, 0, 1, 1]), np.full(7, 0.42), rng.uniform(0.1, 3.0, size=7)),
        "ties",
    )
    # Negatives come before positives inside every tie group; scores and weights are ints.
    yield Case(
        "tie_groups_negatives_first",
        (
            np.array([0, 0, 1, 1, 0, 1, 0, 1]),
            np.array([3, 3, 3, 3, 1, 1, 5, 7]),
            np.array([2, 1, 3, 1, 4, 2, 1, 5]),
        ),
        "ties",
    )
    yield Case(
        "tie_groups_positives_first",
        (
            np.array([1, 1, 0, 0, 1, 0, 1, 0]),
            np.array([3, 3, 3, 3, 1, 1, 5, 7]),
            np.array([2, 1, 3, 1, 4, 2, 1, 5]),
        ),
        "ties",
    )
    y = rng.permutation(np.r_[np.zeros(25, int), np.ones(15, int)])
    yield Case(
        "small_integer_scores_and_weights",
        (y, rng.integers(0, 4, size=40), rng.integers(1, 6, size=40)),
        "ties",
    )
    # Equal weights give the plain AUC, whatever the common value.
    y = rng.integers(0, 2, size=300)
    y[:2] = [0, 1]
    scores = rng.normal(size=300).round(1) + 0.5 * y
    yield Case("all_weights_equal", (y, scores, np.full(300, 3.7)), "equal weights")
    yield Case("all_weights_one_int", (y, scores, np.ones(300, dtype=np.int64)), "equal weights")

    # Zero weights on the samples that would otherwise decide the answer.
    y = np.array([1, 1, 1, 0, 0, 0, 0, 1, 0])
    s = np.array([0.1, 0.5, 0.8, 0.95, 0.99, 0.2, 0.5, 0.0, 0.3])
    w = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 2.0])
    yield Case("zero_weights_on_outliers", (y, s, w), "zero weights")
    # Half the weights are zero, with many ties.
    y = rng.integers(0, 2, size=500)
    y[:4] = [0, 1, 0, 1]
    w = rng.uniform(0.5, 2.0, size=500) * (rng.random(500) < 0.5)
    w[:2] = 1.0
    yield Case("many_zero_weights", (y, rng.integers(0, 10, size=500) + y, w), "zero weights")
    # Only one positive carries weight.
    y = np.zeros(60, int)
    y[[5, 20, 40]] = 1
    w = np.ones(60)
    w[[5, 40]] = 0.0
    yield Case("one_weighted_positive", (y, rng.normal(size=60).round(1), w), "zero weights")

    # Integer weights: the same as repeating each sample that many times.
    y = rng.integers(0, 2, size=400)
    y[:2] = [0, 1]
    yield Case(
        "integer_weights",
        (y, rng.integers(-20, 20, size=400) + 3 * y, rng.integers(0, 8, size=400)),
        "integer weights",
    )

    # Extreme weight scales: a product of two weights over- or underflows.
    y = rng.integers(0, 2, size=300)
    y[:2] = [0, 1]
    scores = (rng.normal(size=300) + y).round(1)
    base = rng.uniform(0.2, 1.0, size=300)
    yield Case("huge_weights", (y, scores, base * 1e200), "huge weights")
    yield Case("tiny_weights", (y, scores, base * 1e-200), "tiny weights")
    yield Case(
        "mixed_weight_scales", (y, scores, np.exp(rng.normal(0, 6, size=300))), "mixed weights"
    )
    # Only the positives are heavy: the two class totals differ by 300 orders of magnitude.
    yield Case(
        "class_scales_differ", (y, scores, base * np.where(y == 1, 1e150, 1e-150)), "mixed weights"
    )
    yield Case("huge_scores", (y, (rng.normal(size=300) + y) * 1e250, base * 7.0), "huge scores")

    y = np.zeros(2000, int)
    y[rng.choice(2000, size=20, replace=False)] = 1
    yield Case(
        "heavy_imbalance_with_ties",
        (y, (rng.normal(size=2000) + y).round(1), rng.exponential(1.0, size=2000)),
        "imbalance",
    )
    y = rng.integers(0, 2, size=2000)
    y[:2] = [0, 1]
    yield Case(
        "random_large",
        (y, rng.normal(size=2000) + 0.8 * y, rng.gamma(2.0, 1.0, size=2000)),
        "random",
    )
    yield Case(
        "perfect_separation",
        (
            np.array([0, 1, 0, 1, 1]),
            np.array([1.0, 4.0, 2.0, 3.0, 5.0]),
            np.array([1.0, 2.0, 0.5, 1.0, 3.0]),
        ),
        "basic",
    )
    yield Case(
        "inverted_ranking",
        (np.array([1, 0, 1, 0]), np.array([0.1, 0.9, 0.2, 0.8]), np.array([1.0, 2.0, 3.0, 4.0])),
        "basic",
    )
