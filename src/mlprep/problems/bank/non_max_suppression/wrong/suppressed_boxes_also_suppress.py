"""Drops every box that overlaps ANY higher-scoring box, including boxes that were themselves dropped."""
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
    for rank, i in enumerate(order):
        higher = order[:rank]
        if rank == 0 or not np.any(_iou(boxes[i], boxes[higher]) > iou_threshold):
            keep.append(i)
    return np.array(keep, dtype=np.int64)
