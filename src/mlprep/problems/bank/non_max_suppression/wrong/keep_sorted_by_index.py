"""Right set of boxes, wrong order: returns the kept indices sorted by index, not by selection."""
import numpy as np


def _iou(box, boxes):
    w = np.maximum(0, np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]))
    h = np.maximum(0, np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]))
    inter = w * h
    union = (box[2] - box[0]) * (box[3] - box[1]) + (boxes[:, 2] - boxes[:, 0]) * (
        boxes[:, 3] - boxes[:, 1]
    ) - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def non_max_suppression(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    keep = []
    while len(order):
        keep.append(order[0])
        order = order[1:][_iou(boxes[order[0]], boxes[order[1:]]) <= iou_threshold]
    return np.sort(np.array(keep, dtype=np.int64))
