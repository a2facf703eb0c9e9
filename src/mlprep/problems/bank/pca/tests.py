"""Hand-made small cases first, then data with a known, well-separated spectrum.

Most random cases are built with exactly chosen standard deviations along random orthonormal
directions, so every kept variance is far from its neighbours (the answer is unique up to sign
and any correct method agrees to ~1e-12). Offsets, scales, shapes and n_components vary.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: variance 2 along x, 0.5 along y.
    yield Case(
        "cross_two_components",
        (np.array([[2.0, 0.0], [0.0, 1.0], [-2.0, 0.0], [0.0, -1.0]]), 2),
        "basic",
    )
    yield Case(
        "noisy_line_one_component",
        (np.array([[1.0, 2.1], [2.0, 3.9], [3.0, 6.2], [4.0, 7.8], [5.0, 10.1]]), 1),
        "basic",
    )
    # The largest spread is along the last feature; the first feature barely varies.
    yield Case(
        "top_axis_is_not_first",
        (np.array([[0.1, 1.0, 10.0], [0.0, -1.0, 4.0], [-0.1, 2.0, -6.0], [0.0, -2.0, -8.0]]), 2),
        "component order",
    )

    # Axis-aligned data: the answer is a permutation of unit vectors, by decreasing variance.
    X = _known_spectrum(rng, 60, 6, [0.5, 1.5, 0.2, 3.0, 1.0, 2.2], directions=np.eye(6))
    yield Case("axis_aligned_sorted_by_variance", (X, 4), "component order")
    yield Case(
        "one_component_of_many",
        (_known_spectrum(rng, 200, 10, _geom(6.0, 0.7, 10)), 1),
        "n_components = 1",
    )
    yield Case(
        "all_components_n_greater_than_d",
        (_known_spectrum(rng, 100, 5, [4.0, 3.0, 2.0, 1.2, 0.5]), 5),
        "n_components = d",
    )
    # Five points in 5-D have rank 4: the last direction has zero variance, still unique.
    yield Case(
        "n_equals_d_all_components",
        (_known_spectrum(rng, 5, 5, [3.0, 2.0, 1.3, 0.6]), 5),
        "n_components = min(n, d)",
    )
    yield Case(
        "fewer_rows_than_features",
        (_known_spectrum(rng, 8, 20, [5.0, 3.5, 2.0, 1.0, 0.6, 0.3, 0.1]), 3),
        "n < d",
    )
    yield Case(
        "fewer_rows_keep_full_rank",
        (_known_spectrum(rng, 6, 15, [4.0, 2.5, 1.6, 1.0, 0.5]), 5),
        "n < d",
    )
    yield Case("two_rows", (np.array([[1.0, 2.0, 3.0], [3.0, -1.0, 4.0]]), 1), "tiny")
    yield Case("single_feature", (rng.normal(7.0, 2.0, size=(12, 1)), 1), "tiny")
    yield Case(
        "large_offset",
        (_known_spectrum(rng, 300, 4, [3.0, 2.0, 1.0, 0.4], offset=1e6), 2),
        "large offset",
    )
    yield Case(
        "large_offsets_per_feature",
        (_known_spectrum(rng, 400, 3, [2.0, 1.0, 0.3], offset=np.array([1e6, -3e5, 7e5])), 3),
        "large offset",
    )
    yield Case("tiny_scale", (_known_spectrum(rng, 150, 6, _geom(1e-7, 0.6, 6)), 3), "tiny scale")
    yield Case(
        "huge_scale",
        (_known_spectrum(rng, 150, 6, _geom(1e7, 0.6, 6), offset=-2e7), 3),
        "huge scale",
    )
    yield Case(
        "largest_data",
        (_known_spectrum(rng, 2000, 50, _geom(10.0, 0.94, 50), offset=5.0), 10),
        "random",
    )
    # Plain correlated Gaussian data (not built from a spectrum); its variances are far apart.
    mixing = rng.normal(size=(5, 5)) * np.array([6.0, 3.0, 1.5, 0.8, 0.3])[:, None]
    yield Case("correlated_gaussian", (rng.normal(size=(500, 5)) @ mixing - 3.0, 3), "random")
    yield Case(
        "random_rotation_few_kept",
        (_known_spectrum(rng, 80, 12, [9.0, 5.0, 4.0, 2.0, 1.0, 0.5]), 2),
        "random",
    )

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    mixing = np.array([[3.0, 0.0, 0.0], [1.0, 1.5, 0.0], [0.5, 0.2, 0.4]])
    yield Case("toy_correlated_cloud", (rng.normal(size=(200, 3)) @ mixing, 2), "toy data")


def _geom(first, factor, count):
    return list(first * factor ** np.arange(count))


def _known_spectrum(rng, n, d, stds, directions=None, offset=0.0):
    """n points in d dimensions whose centred data has exactly the given std along orthonormal
    directions (random ones unless given as the columns of ``directions``) and zero elsewhere."""
    r = len(stds)
    Z = rng.normal(size=(n, r))
    Z -= Z.mean(axis=0)
    Q, _ = np.linalg.qr(Z)  # orthonormal columns, each orthogonal to the all-ones vector
    scores = Q * (np.asarray(stds) * np.sqrt(n))
    if directions is None:
        directions, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return scores @ directions[:, :r].T + offset + rng.normal(size=d) * 3.0
