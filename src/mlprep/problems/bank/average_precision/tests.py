"""Hand-made rankings first, with tie groups whose members are listed positives-first and
negatives-first (so ranking tied items one by one fails whichever way it breaks ties), then
seeded data: imbalance, integer and rounded scores, extreme magnitudes."""

import numpy as np

from mlprep.problems import Case


def _case(y_true, y_score):
    return np.array(y_true, dtype=np.int64), np.array(y_score)


def cases(rng):
    yield Case("no_ties", _case([1, 0, 1, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5]), "basic")
    yield Case("tie_group_enters_together", _case([1, 0, 1, 0], [0.8, 0.8, 0.4, 0.2]), "ties")
    yield Case(
        "perfect_ranking", _case([0, 1, 0, 1, 1, 0], [0.1, 0.9, 0.3, 0.7, 0.8, 0.2]), "basic"
    )

    # Tie groups listed positives first: a stable sort puts the positives ahead of the negatives.
    yield Case(
        "ties_listed_positives_first",
        _case([1, 1, 0, 0, 1, 0, 1, 0], [5, 5, 5, 5, 3, 3, 1, 1]),
        "ties",
    )
    # Tie groups listed negatives first, with more positives than negatives inside each group.
    yield Case(
        "ties_listed_negatives_first",
        _case([0, 1, 1, 0, 1, 1, 1, 0], [0.7, 0.7, 0.7, 0.4, 0.4, 0.4, 0.4, 0.1]),
        "ties",
    )
    yield Case("all_scores_equal", (np.array([0, 1, 0, 0, 1, 1, 0]), np.full(7, 0.25)), "ties")
    yield Case("inverted_ranking", _case([1, 1, 0, 0, 0], [0.1, 0.2, 0.7, 0.9, 0.8]), "inverted")
    yield Case("single_positive_item", _case([1], [0.3]), "tiny")
    yield Case("all_positive", _case([1, 1, 1, 1], [0.2, 0.9, 0.9, 0.4]), "no negatives")
    yield Case("two_items_tied", _case([0, 1], [2.0, 2.0]), "ties")
    # A top score held by a negative, the single positive far down the list.
    y = np.zeros(60, dtype=np.int64)
    y[41] = 1
    yield Case("one_positive_among_many", (y, rng.normal(size=60)), "imbalance")

    y = rng.integers(0, 2, size=40)
    y[:2] = [1, 0]
    yield Case("small_integer_scores", (y, rng.integers(0, 4, size=40) + y), "ties")
    y = rng.integers(0, 2, size=500)
    y[:2] = [1, 0]
    yield Case(
        "wide_integer_scores",
        (y, rng.integers(-(10**6), 10**6, size=500) // 1000 + 200 * y),
        "integer scores",
    )
    y = np.zeros(2000, dtype=np.int64)
    y[rng.choice(2000, size=20, replace=False)] = 1
    yield Case("heavy_imbalance", (y, rng.normal(size=2000) + 1.5 * y), "imbalance")
    yield Case(
        "heavy_imbalance_with_ties",
        (y, np.clip(rng.normal(0.3, 0.2, size=2000) + 0.25 * y, 0, 1).round(1)),
        "ties",
    )
    y = rng.integers(0, 2, size=300)
    y[:2] = [1, 0]
    yield Case("huge_magnitudes", (y, (rng.normal(size=300) + y) * 1e250), "huge scores")
    yield Case("tiny_magnitudes", (y, (rng.normal(size=300) + 0.7 * y) * 1e-250), "tiny scores")
    yield Case("logit_scores", (y, rng.normal(-1.0, 3.0, size=300) + 2.0 * y), "logits")
    y = (rng.random(2000) < 0.7).astype(np.int64)
    probabilities = 1 / (1 + np.exp(-(rng.normal(size=2000) + 1.0 * y)))
    yield Case("mostly_positive", (y, probabilities), "random")
    y = rng.integers(0, 2, size=2000)
    probabilities = 1 / (1 + np.exp(-(rng.normal(size=2000) + 1.2 * y)))
    yield Case("random_probabilities", (y, probabilities), "random")
    yield Case("rounded_probabilities", (y, probabilities.round(2)), "ties")
