import numpy as np


def _iou_with(box, boxes):
    """IoU of one box (4,) with each row of boxes (k, 4); a zero union gives 0."""
    width = np.clip(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0, None)
    height = np.clip(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0, None)
    inter = width * height
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    union = area + areas - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def non_max_suppression(boxes, scores, iou_threshold):
    boxes = np.asarray(boxes, dtype=float)
    scores = np.asarray(scores, dtype=float)
    # Highest score first; a stable sort keeps equal scores in increasing index order.
    order = np.argsort(-scores, kind="stable")
    keep = []
    while len(order):
        best = order[0]
        keep.append(best)
        rest = order[1:]
        # Only boxes overlapping the box just kept by MORE than the threshold are removed.
        order = rest[_iou_with(boxes[best], boxes[rest]) <= iou_threshold]
    return np.array(keep, dtype=np.int64)
