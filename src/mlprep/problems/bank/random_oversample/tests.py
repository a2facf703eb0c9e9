"""Hand-made cases first (the pinned draw order), then seeded imbalanced label vectors.

Most cases have two or more minority classes of two or more samples each, first appearing in an
order different from their sorted order, so that the class order, a fresh generator per class and
drawing from the whole data set are all exposed; several deficits exceed their class size, which
sampling without replacement cannot even do.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example.
    yield Case("binary_example", (np.array([0, 1, 1, 0, 1, 1, 1, 0, 1, 1]), 0), "basic")
    yield Case("three_classes", (np.array([2, 0, 2, 1, 2, 2, 0]), 1), "basic")
    yield Case("already_balanced", (np.array([1, 0, 0, 1]), 3), "balanced")

    yield Case("single_sample", (np.array([5]), 1), "n = 1")
    yield Case("one_class", (np.full(10, 3), 11), "one class")
    # Two classes share the largest size; only the third one draws.
    yield Case(
        "tied_largest_classes", (rng.permutation(np.repeat([0, 1, 2], [5, 5, 2])), 4), "ties"
    )
    # Labels first appear as 9, -4, 100 but are topped up in the order -4, 100 (9 is largest).
    yield Case(
        "labels_out_of_order",
        (np.array([9, 9, 100, 9, -4, 100, 9, -4, 9, 9, -4]), 12),
        "class order",
    )
    # A deficit of 8 from a class of 2: only drawing with replacement can do it.
    yield Case("deficit_exceeds_class", (np.array([1] * 10 + [0, 0]), 5), "large deficit")
    yield Case("singleton_minorities", (np.array([4, 4, 4, 4, 1, 2, 3]), 2), "tiny classes")
    y = rng.permutation(np.repeat([-7, 3, 12, 40], [3, 30, 4, 6]))
    yield Case("negative_and_sparse_labels", (y, 2**40 + 3), "labels")
    yield Case(
        "int32_labels",
        (rng.permutation(np.repeat([2, 0, 1], [40, 7, 15])).astype(np.int32), 123),
        "dtype",
    )
    y = rng.permutation(np.repeat([1, 0, 2], [60, 25, 25]))
    yield Case("same_labels_seed_0", (y, 0), "seed")
    yield Case("same_labels_seed_1", (y, 1), "seed")
    for i, (n, k, alpha, seed) in enumerate(
        [(200, 3, 1.0, 42), (1000, 5, 0.5, 2024), (2000, 10, 0.7, 987654321)]
    ):
        labels = rng.permutation(k) * 5 - 10  # shuffled label values, some negative
        p = rng.dirichlet(np.full(k, alpha)) * 0.9 + 0.1 / k  # every class has some mass
        yield Case(f"random_imbalanced_{i}", (rng.choice(labels, size=n, p=p), seed), "random")
