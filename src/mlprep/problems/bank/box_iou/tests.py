"""Hand-made cases first (the example, touching and disjoint boxes, zero-area boxes, containment,
boxes apart along both axes), then seeded random boxes: integer corners with many exact ties,
float corners, tiny and huge scales, a large offset and n != m."""

import numpy as np

from mlprep.problems import Case


def _boxes(rng, n, low, high, max_side):
    corner = rng.uniform(low, high, size=(n, 2))
    side = rng.uniform(0, max_side, size=(n, 2))
    return np.concatenate([corner, corner + side], axis=1)


def _int_boxes(rng, n, high, max_side):
    corner = rng.integers(0, high, size=(n, 2))
    side = rng.integers(0, max_side + 1, size=(n, 2))
    return np.concatenate([corner, corner + side], axis=1).astype(float)


def cases(rng):
    # The statement's example.
    yield Case(
        "two_by_two",
        (
            np.array([[0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 4.0, 1.0]]),
            np.array([[1.0, 1.0, 3.0, 3.0], [0.0, 0.0, 2.0, 2.0]]),
        ),
        "basic",
    )
    # Sharing an edge or a corner is no overlap; boxes apart along x only, y only, and both.
    yield Case(
        "touching_and_disjoint",
        (
            np.array([[0.0, 0.0, 2.0, 2.0]]),
            np.array(
                [
                    [2.0, 0.0, 4.0, 2.0],  # shares the right edge
                    [2.0, 2.0, 3.0, 3.0],  # shares a corner
                    [5.0, 0.0, 6.0, 2.0],  # apart along x, overlapping in y
                    [0.0, 3.0, 2.0, 5.0],  # apart along y, overlapping in x
                    [3.0, 3.0, 4.0, 4.0],  # apart along both axes
                ]
            ),
        ),
        "no overlap",
    )
    # A point, a segment inside a box, a degenerate box identical to another: all IoU 0.
    yield Case(
        "zero_area_boxes",
        (
            np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 1.0, 2.0, 1.0], [0.0, 0.0, 2.0, 2.0]]),
            np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 1.0, 2.0, 1.0], [0.0, 0.0, 2.0, 2.0]]),
        ),
        "zero area",
    )
    # Far apart along both axes: the two negative extents multiply to a positive "intersection".
    yield Case(
        "apart_along_both_axes",
        (
            np.array([[0.0, 0.0, 1.0, 1.0], [10.0, 10.0, 12.0, 13.0]]),
            np.array([[5.0, 6.0, 8.0, 9.0]]),
        ),
        "no overlap",
    )
    yield Case(
        "identical_boxes",
        (
            np.array([[0.5, -1.0, 3.5, 2.0]]),
            np.array([[0.5, -1.0, 3.5, 2.0], [0.5, -1.0, 3.5, 2.0]]),
        ),
        "identical",
    )
    yield Case(
        "containment",
        (np.array([[0.0, 0.0, 8.0, 8.0]]), np.array([[2.0, 2.0, 4.0, 4.0], [0.0, 0.0, 8.0, 4.0]])),
        "containment",
    )
    # Collinear segments that overlap along their length still have zero area and IoU 0.
    yield Case(
        "overlapping_segments",
        (
            np.array([[0.0, 0.0, 4.0, 0.0], [1.0, 0.0, 1.0, 5.0]]),
            np.array([[2.0, 0.0, 6.0, 0.0], [1.0, 2.0, 1.0, 9.0]]),
        ),
        "zero area",
    )
    yield Case(
        "one_box_each",
        (np.array([[-3.0, -2.0, 1.0, 2.0]]), np.array([[-1.0, -1.0, 3.0, 5.0]])),
        "tiny",
    )
    # Integer corners in a small grid: many touching pairs, exact ties and repeated boxes.
    yield Case(
        "random_integer_grid", (_int_boxes(rng, 30, 8, 4), _int_boxes(rng, 25, 8, 4)), "random"
    )
    a = _int_boxes(rng, 40, 10, 3)
    a[::5, 2] = a[::5, 0]  # every fifth box has zero width
    yield Case("random_with_zero_area", (a, _int_boxes(rng, 20, 10, 3)), "zero area")
    yield Case(
        "random_floats", (_boxes(rng, 50, -10, 10, 8), _boxes(rng, 70, -10, 10, 8)), "random"
    )
    yield Case(
        "random_sparse", (_boxes(rng, 60, 0, 100, 5), _boxes(rng, 40, 0, 100, 5)), "no overlap"
    )
    yield Case(
        "tiny_scale", (_boxes(rng, 20, 0, 1e-3, 5e-4), _boxes(rng, 15, 0, 1e-3, 5e-4)), "scale"
    )
    yield Case("huge_scale", (_boxes(rng, 20, 0, 1e5, 5e4), _boxes(rng, 25, 0, 1e5, 5e4)), "scale")
    a, b = _boxes(rng, 30, 0, 20, 10), _boxes(rng, 30, 0, 20, 10)
    yield Case("large_offset", (a + 1e5, b + 1e5), "large offset")
    yield Case("many_boxes", (_boxes(rng, 300, 0, 50, 15), _boxes(rng, 200, 0, 50, 15)), "random")
