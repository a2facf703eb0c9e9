"""Hand-made cases first (the zero-count rule, absent classes at every position), then seeded
label vectors, balanced and strongly imbalanced.

Many cases have a class that never occurs, often the last one, so that dividing by zero, counting
only the classes present, or sizing the result by the largest label are all exposed.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: counts 3, 1, 0, 2 over n = 6.
    yield Case("four_classes_one_missing", (np.array([0, 1, 0, 3, 0, 3]), 4), "basic")
    yield Case("balanced", (np.array([2, 0, 1, 1, 2, 0]), 3), "balanced")
    yield Case("last_class_missing", (np.array([0, 0, 0, 1]), 3), "absent class")

    yield Case("single_sample", (np.array([0]), 1), "n = 1")
    yield Case("single_sample_many_classes", (np.array([2]), 5), "absent class")
    yield Case("one_class_only", (np.full(17, 0), 1), "one class")
    yield Case("one_class_of_three_present", (np.full(8, 1), 3), "absent class")
    # More classes than samples: most weights are 0.0.
    yield Case("classes_exceed_samples", (rng.integers(0, 40, size=10), 40), "absent class")
    yield Case("first_class_missing", (np.array([1, 2, 2, 1, 2, 2, 2]), 3), "absent class")
    yield Case("middle_classes_missing", (np.array([0, 4, 0, 4, 4, 0, 0]), 5), "absent class")
    # Extreme imbalance: one sample of the rare class among 1999.
    y = np.zeros(2000, dtype=np.int64)
    y[rng.integers(0, 2000)] = 1
    yield Case("extreme_imbalance", (y, 2), "imbalanced")
    yield Case("binary_imbalanced", (rng.permutation(np.repeat([0, 1], [90, 10])), 2), "imbalanced")
    yield Case("int32_labels", (rng.integers(0, 6, size=300).astype(np.int32), 6), "dtype")
    for i, (n, k, alpha) in enumerate([(50, 3, 1.0), (500, 10, 0.3), (2000, 25, 0.1)]):
        p = rng.dirichlet(np.full(k, alpha))
        y = rng.choice(k, size=n, p=p)
        yield Case(f"random_labels_{i}", (y, k + i), "random")  # i > 0: trailing absent classes
