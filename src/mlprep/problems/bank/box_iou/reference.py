import numpy as np


def box_iou(boxes_a, boxes_b):
    a = np.asarray(boxes_a, dtype=float)[:, None, :]  # (n, 1, 4)
    b = np.asarray(boxes_b, dtype=float)[None, :, :]  # (1, m, 4)
    # Overlap along each axis, clipped at 0 separately: disjoint boxes give a negative extent.
    width = np.clip(np.minimum(a[..., 2], b[..., 2]) - np.maximum(a[..., 0], b[..., 0]), 0, None)
    height = np.clip(np.minimum(a[..., 3], b[..., 3]) - np.maximum(a[..., 1], b[..., 1]), 0, None)
    inter = width * height  # (n, m)
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
    union = area_a + area_b - inter
    # A pair of zero-area boxes has union 0: its IoU is defined as 0, not 0 / 0.
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
