"""Hand-made edge cases (singletons, all singletons, duplicate points, labels that are not
0..c-1, overlapping clusters, the nearest other cluster not being the nearest centroid), then
seeded blobs of many sizes, scales and offsets."""

import numpy as np

from mlprep.problems import Case


def _x(rows):
    return np.array(rows, dtype=np.float64)


def _l(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "two_groups_on_a_line", (_x([[0], [1], [4], [6], [7]]), _l([0, 0, 1, 1, 1])), "basic"
    )
    yield Case(
        "singleton_cluster",
        (_x([[0, 0], [0, 2], [5, 0], [5, 2], [9, 9]]), _l([0, 0, 1, 1, 2])),
        "singleton",
    )

    # Singletons score 0 and stay in the mean.
    yield Case("singleton_on_a_line", (_x([[0], [1], [2], [10]]), _l([0, 0, 0, 1])), "singleton")
    yield Case(
        "two_singletons",
        (_x([[0, 0], [1, 0], [0, 1], [8, 8], [-6, 3]]), _l([0, 0, 0, 1, 2])),
        "singleton",
    )
    yield Case("all_singletons", (_x([[0], [3], [7]]), _l([0, 1, 2])), "singleton")
    yield Case("two_points_two_clusters", (_x([[1, 2], [4, 6]]), _l([5, 9])), "tiny")
    yield Case("pair_and_singleton", (_x([[0], [2], [3]]), _l([1, 1, 0])), "tiny")
    # Labels are ids, not positions: negative and far apart.
    yield Case(
        "labels_not_contiguous",
        (_x([[0, 0], [1, 1], [10, 10], [11, 10], [0, 10], [1, 11]]), _l([7, 7, -3, -3, 42, 42])),
        "label ids",
    )
    # Identical points: a = b = 0 gives 0, not NaN.
    yield Case(
        "all_points_identical",
        (np.full((4, 2), 3.0), _l([0, 0, 1, 1])),
        "duplicates",
    )
    yield Case(
        "duplicates_inside_clusters",
        (_x([[1, 1], [1, 1], [1, 1], [4, 5], [4, 5]]), _l([0, 0, 0, 1, 1])),
        "duplicates",
    )
    # Overlapping, badly assigned clusters: negative silhouettes.
    yield Case(
        "bad_assignment",
        (_x([[0], [10], [1], [11], [2], [12]]), _l([0, 0, 1, 1, 0, 1])),
        "negative",
    )
    # The nearest cluster by mean distance is not the one with the nearest centroid.
    yield Case(
        "b_is_mean_not_centroid",
        (_x([[0], [1], [-10], [10], [4], [4.5]]), _l([0, 0, 1, 1, 2, 2])),
        "nearest cluster",
    )
    yield Case(
        "three_clusters_one_far",
        (
            _x([[0, 0], [1, 0], [0, 1], [3, 0], [4, 0], [3, 1], [100, 100], [101, 100]]),
            _l([0, 0, 0, 1, 1, 1, 2, 2]),
        ),
        "nearest cluster",
    )

    specs = [
        (60, 2, 3, 1.0, 0.0, 1.0),
        (200, 5, 4, 1e-4, 0.0, 1.5),
        (300, 3, 5, 1e4, 0.0, 1.5),
        (250, 2, 3, 1.0, 1e3, 1.0),
        (500, 20, 8, 1.0, 0.0, 2.0),
        (150, 10, 2, 3.0, -50.0, 8.0),
        (400, 4, 6, 1.0, 0.0, 6.0),
    ]
    for i, (n, d, k, scale, offset, spread) in enumerate(specs):
        centers = rng.normal(0, 10, size=(k, d))
        labels = rng.integers(0, k, size=n)
        labels[:k] = np.arange(k)  # every cluster has at least one point
        X = (centers[labels] + rng.normal(0, spread, size=(n, d))) * scale + offset
        yield Case(f"random_blobs_{i}", (X, labels.astype(np.int64)), "random")
    # Random labels with ids far apart and a few singletons.
    X = rng.normal(0, 1, size=(80, 3))
    labels = rng.choice(np.array([-5, 3, 100]), size=80)
    labels[[10, 20]] = [7, 8]
    yield Case("random_with_singletons", (X, labels.astype(np.int64)), "singleton")

    # The picture-friendly toy case, a sample, listed last so the cases above stay as they were.
    centers = np.array([[0.0, 0.0], [6.0, 1.0], [2.0, 6.0]])
    X = np.concatenate([c + rng.normal(0, 1.0, size=(20, 2)) for c in centers])
    yield Case("three_blobs", (X, np.repeat(np.arange(3), 20).astype(np.int64)), "toy data")
