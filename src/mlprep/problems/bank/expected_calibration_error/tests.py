"""Hand-made edge cases (probabilities exactly on bin edges, 0.0 and 1.0, empty bins, one
class, one example, one bin, perfect calibration), then seeded random predictions, some
rounded to two decimals so that many land exactly on edges."""

import numpy as np

from mlprep.problems import Case


def _y(values):
    return np.array(values, dtype=np.int64)


def _p(values):
    return np.array(values, dtype=np.float64)


def cases(rng):
    yield Case(
        "six_predictions_five_bins",
        (_y([0, 1, 1, 0, 1, 1]), _p([0.15, 0.3, 0.35, 0.5, 0.85, 0.95]), 5),
        "basic",
    )
    yield Case(
        "values_on_edges",
        (_y([0, 0, 1, 0, 1, 1, 1, 1]), _p([0.0, 0.1, 0.1, 0.5, 0.5, 0.55, 0.9, 1.0])),
        "bin edges",
    )
    yield Case(
        "default_ten_bins",
        (_y([1, 0, 0, 1, 1, 0, 1]), _p([0.92, 0.08, 0.33, 0.61, 0.77, 0.45, 0.99])),
        "basic",
    )

    # Edges belong to the bin on their left.
    yield Case(
        "every_edge_ten_bins",
        (_y([0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1]), np.arange(11) / 10, 10),
        "bin edges",
    )
    yield Case(
        "edges_with_neighbours",
        (
            _y([1, 0, 0, 1, 1, 0, 1, 0, 0, 1]),
            _p([0.2, 0.21, 0.4, 0.41, 0.6, 0.61, 0.8, 0.81, 0.19, 0.39]),
            5,
        ),
        "bin edges",
    )
    yield Case(
        "quarter_edges",
        (_y([0, 1, 1, 0, 0, 1, 0, 1]), _p([0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 0.26, 0.74]), 4),
        "bin edges",
    )
    yield Case(
        "zero_and_one_only", (_y([0, 0, 1, 1, 1]), _p([0.0, 0.0, 1.0, 1.0, 0.0])), "bin edges"
    )
    yield Case(
        "one_goes_to_last_bin",
        (_y([1, 1, 0, 1]), _p([1.0, 1.0, 1.0, 0.95]), 20),
        "bin edges",
    )
    yield Case("zero_goes_to_first_bin", (_y([0, 1, 0]), _p([0.0, 0.0, 0.04]), 20), "bin edges")
    yield Case(
        "half_with_two_bins", (_y([1, 0, 0, 1, 1]), _p([0.5, 0.5, 0.2, 0.7, 0.5]), 2), "bin edges"
    )
    # Empty bins contribute nothing; bins are weighted by their size.
    yield Case(
        "most_bins_empty",
        (_y([1, 1, 1, 0, 0]), _p([0.93, 0.97, 0.91, 0.92, 0.03]), 10),
        "empty bins",
    )
    yield Case(
        "unequal_bin_sizes",
        (
            _y([1, 0, 0, 0, 0, 0, 0, 0, 1, 1]),
            _p([0.12, 0.1, 0.05, 0.15, 0.1, 0.2, 0.02, 0.18, 0.6, 0.9]),
            4,
        ),
        "bin weights",
    )
    # Confidence of the predicted class folds p and 1 - p together: it must not.
    yield Case(
        "symmetric_probabilities",
        (_y([0, 0, 1, 1, 1, 0]), _p([0.2, 0.8, 0.8, 0.2, 0.7, 0.35]), 10),
        "p of class 1",
    )
    yield Case(
        "perfectly_calibrated",
        (_y([0, 0, 0, 1, 1, 1, 0, 1]), _p([0.25] * 4 + [0.75] * 4), 4),
        "calibrated",
    )
    yield Case("one_bin", (_y([1, 0, 1, 1]), _p([0.9, 0.0, 0.3, 1.0]), 1), "one bin")
    yield Case("single_example", (_y([1]), _p([0.7])), "tiny")
    yield Case("only_negatives", (_y([0, 0, 0, 0]), _p([0.05, 0.3, 0.3, 0.65]), 5), "one class")
    yield Case("only_positives", (_y([1, 1, 1]), _p([0.4, 0.9, 1.0]), 8), "one class")
    yield Case("many_bins", (_y([0, 1, 1, 0]), _p([0.123, 0.5, 0.61, 0.0]), 20), "many bins")

    for i, (n, n_bins, decimals) in enumerate(
        [
            (100, 10, None),
            (2000, 15, None),
            (500, 10, 1),
            (1000, 20, 2),
            (300, 4, 2),
            (50, 7, None),
            (1500, 5, 1),
        ]
    ):
        scores = rng.normal(0, 2, size=n)
        p = 1.0 / (1.0 + np.exp(-scores))
        y = (rng.random(n) < 1.0 / (1.0 + np.exp(-0.6 * scores))).astype(np.int64)
        if decimals is not None:
            p = np.round(p, decimals)
        yield Case(f"random_{i}", (y, p, n_bins), "random")
    # Overconfident model: probabilities pushed towards 0 and 1.
    p = rng.beta(0.3, 0.3, size=800)
    y = (rng.random(800) < 0.3 + 0.4 * p).astype(np.int64)
    yield Case("random_overconfident", (y, p), "random")
