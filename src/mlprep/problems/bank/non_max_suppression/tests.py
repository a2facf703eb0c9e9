"""Hand-made cases first (the example, a suppression chain, equal scores, IoU exactly at the
threshold, thresholds 0 and 1, zero-area and identical boxes), then seeded clusters of jittered
detections at several thresholds, some with integer corners and many tied scores."""

import numpy as np

from mlprep.problems import Case


def _detections(rng, n_objects, per_object, jitter, extent=100.0, size=(5.0, 25.0)):
    """Jittered copies of a few ground-truth boxes, each with a random score."""
    corner = rng.uniform(0, extent, size=(n_objects, 2))
    side = rng.uniform(size[0], size[1], size=(n_objects, 2))
    truth = np.concatenate([corner, corner + side], axis=1)
    boxes = np.repeat(truth, per_object, axis=0)
    boxes = (
        boxes
        + rng.normal(0, jitter, size=boxes.shape)
        * np.repeat(side, per_object, axis=0)[:, [0, 1, 0, 1]]
    )
    boxes[:, 2:] = np.maximum(boxes[:, 2:], boxes[:, :2])  # keep x1 <= x2 and y1 <= y2
    order = rng.permutation(len(boxes))
    return boxes[order], rng.random(len(boxes))


def cases(rng):
    # The statement's example: box 0 is suppressed by box 3, not by the top-scoring box 1.
    yield Case(
        "five_boxes",
        (
            np.array(
                [
                    [0.0, 0.0, 4.0, 4.0],
                    [1.0, 1.0, 5.0, 5.0],
                    [10.0, 10.0, 14.0, 14.0],
                    [0.0, 0.0, 4.0, 3.0],
                    [11.0, 10.0, 15.0, 14.0],
                ]
            ),
            np.array([0.6, 0.9, 0.75, 0.8, 0.5]),
            0.5,
        ),
        "basic",
    )
    # A overlaps B (0.6), B overlaps C (0.6), A and C only 1/3: C survives because B is gone.
    yield Case(
        "chain_suppression",
        (
            np.array([[0.0, 0.0, 4.0, 1.0], [1.0, 0.0, 5.0, 1.0], [2.0, 0.0, 6.0, 1.0]]),
            np.array([0.9, 0.8, 0.7]),
            0.5,
        ),
        "greedy",
    )
    # Boxes 0 and 1 are identical with equal scores; boxes 2 and 3 are apart with equal scores.
    yield Case(
        "equal_scores_lower_index",
        (
            np.array(
                [
                    [0.0, 0.0, 2.0, 2.0],
                    [0.0, 0.0, 2.0, 2.0],
                    [5.0, 5.0, 6.0, 6.0],
                    [8.0, 0.0, 9.0, 1.0],
                ]
            ),
            np.array([0.5, 0.5, 0.25, 0.25]),
            0.5,
        ),
        "ties",
    )
    # IoU exactly 0.5 (2 / 4) at threshold 0.5: not strictly greater, so both are kept.
    yield Case(
        "iou_equal_to_threshold",
        (
            np.array([[0.0, 0.0, 4.0, 1.0], [0.0, 0.0, 2.0, 1.0], [2.0, 0.0, 4.0, 1.0]]),
            np.array([0.9, 0.8, 0.7]),
            0.5,
        ),
        "threshold",
    )
    # Threshold 0: any overlap suppresses, but boxes that only touch (IoU 0) are kept.
    yield Case(
        "threshold_zero_touching",
        (
            np.array(
                [
                    [0.0, 0.0, 2.0, 2.0],
                    [2.0, 0.0, 4.0, 2.0],
                    [1.0, 1.0, 3.0, 3.0],
                    [2.0, 2.0, 4.0, 4.0],
                ]
            ),
            np.array([0.875, 0.75, 0.625, 0.5]),
            0.0,
        ),
        "threshold",
    )
    # Threshold 1: IoU never exceeds 1, so nothing is suppressed, not even identical boxes.
    yield Case(
        "threshold_one_keeps_all",
        (
            np.array([[0.0, 0.0, 3.0, 3.0], [0.0, 0.0, 3.0, 3.0], [1.0, 1.0, 3.0, 3.0]]),
            np.array([0.25, 0.5, 0.75]),
            1.0,
        ),
        "threshold",
    )
    yield Case(
        "identical_boxes_keep_top",
        (np.tile([[1.0, 2.0, 3.0, 5.0]], (5, 1)), np.array([0.1, 0.7, 0.3, 0.9, 0.5]), 0.3),
        "identical",
    )
    # Zero-area boxes have IoU 0 with everything, so they never suppress or get suppressed.
    yield Case(
        "zero_area_boxes",
        (
            np.array(
                [
                    [1.0, 1.0, 1.0, 1.0],
                    [1.0, 1.0, 1.0, 1.0],
                    [0.0, 0.0, 2.0, 2.0],
                    [0.0, 1.0, 2.0, 1.0],
                ]
            ),
            np.array([0.9, 0.8, 0.7, 0.6]),
            0.0,
        ),
        "zero area",
    )
    yield Case("single_box", (np.array([[0.0, 0.0, 1.0, 1.0]]), np.array([0.3]), 0.5), "tiny")
    # Logits rather than probabilities: negative scores rank the same way.
    yield Case(
        "negative_scores",
        (
            np.array([[0.0, 0.0, 2.0, 2.0], [0.5, 0.0, 2.5, 2.0], [3.0, 3.0, 4.0, 4.0]]),
            np.array([-2.0, -0.5, -3.0]),
            0.4,
        ),
        "scores",
    )

    for i, (n_objects, per_object, jitter, threshold) in enumerate(
        [
            (3, 4, 0.1, 0.5),
            (8, 6, 0.15, 0.3),
            (10, 10, 0.1, 0.7),
            (20, 15, 0.2, 0.5),
            (5, 8, 0.3, 0.1),
        ]
    ):
        boxes, scores = _detections(rng, n_objects, per_object, jitter)
        yield Case(f"random_clusters_{i}", (boxes, scores, threshold), "random")
    # Integer corners and scores in eighths: many exact IoU values and many tied scores.
    corner = rng.integers(0, 12, size=(60, 2))
    side = rng.integers(1, 5, size=(60, 2))
    boxes = np.concatenate([corner, corner + side], axis=1).astype(float)
    scores = rng.integers(0, 8, size=60) / 8.0
    for threshold in (0.0, 0.25, 0.5):
        yield Case(f"integer_grid_ties_{threshold}", (boxes, scores, threshold), "ties")
    boxes, scores = _detections(rng, 6, 5, 0.1)
    yield Case("large_offset", (boxes + 1e5, scores, 0.5), "large offset")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    boxes, scores = _detections(rng, 4, 4, 0.08, extent=40.0, size=(8.0, 16.0))
    yield Case("toy_detections", (boxes, scores, 0.4), "toy data")
