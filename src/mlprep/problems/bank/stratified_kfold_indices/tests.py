"""Hand-made cases first (pinned dealing rule), then seeded label vectors.

Most cases have class sizes that are not multiples of n_folds, so restarting the deal at fold 0
for each class gives a different answer; labels are shuffled, often negative or large, and first
appear in an order different from their sorted order.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: class 0 gets folds 0, 1, 0 and class 1 carries on at fold 1.
    yield Case("two_classes", (np.array([1, 0, 1, 0, 0, 1, 1]), 2), "basic")
    yield Case("labels_not_contiguous", (np.array([7, -3, 7, 42, -3, 7]), 3), "labels")
    yield Case("classes_smaller_than_folds", (np.array([0, 1, 2, 0, 1, 2]), 4), "small classes")

    yield Case("one_class", (np.full(11, 5), 3), "one class")
    yield Case("one_fold", (rng.integers(0, 4, size=30), 1), "n_folds = 1")
    yield Case("single_sample", (np.array([9]), 1), "n = 1")
    # As many folds as samples: every sample is alone in its fold, in sorted label order.
    yield Case("folds_equal_n", (rng.integers(0, 3, size=9), 9), "n_folds = n")
    yield Case("folds_equal_n_many_labels", (rng.integers(-50, 50, size=25), 25), "n_folds = n")
    # Every sample its own class: the deal walks the samples in increasing label order.
    yield Case("all_labels_distinct", (rng.permutation(40) * 3 - 50, 6), "small classes")
    # Labels 1..C (not 0..C-1), appearing first in decreasing order.
    yield Case("labels_start_at_one", (np.array([3, 3, 2, 1, 2, 3, 1, 3, 2, 3]), 3), "labels")
    yield Case(
        "negative_and_huge_labels",
        (rng.choice(np.array([-1_000_000_000, -7, 0, 123_456_789]), size=50), 4),
        "labels",
    )
    yield Case("int32_labels", (rng.integers(10, 16, size=60).astype(np.int32), 7), "labels")
    # Class sizes that are exact multiples of n_folds, followed by one that is not.
    y = np.concatenate([np.full(6, 2), np.full(9, 0), np.full(5, 1)])
    yield Case("mostly_multiples_of_folds", (rng.permutation(y), 3), "random")
    # Strongly imbalanced: one class has far fewer samples than folds.
    y = np.concatenate([np.zeros(47, dtype=np.int64), np.ones(3, dtype=np.int64)])
    yield Case("imbalanced_binary", (rng.permutation(y), 5), "imbalanced")
    for i, (n, classes, n_folds) in enumerate([(200, 2, 5), (500, 7, 10), (2000, 20, 5)]):
        sizes = rng.dirichlet(np.ones(classes))
        labels = rng.choice(np.arange(classes) * 10 - 30, size=n, p=sizes)
        yield Case(f"random_labels_{i}", (labels, n_folds), "random")
