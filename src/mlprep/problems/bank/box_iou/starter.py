import numpy as np


def box_iou(boxes_a, boxes_b):
    """Return the (n, m) array of IoUs between every box of boxes_a (n, 4) and of boxes_b (m, 4).

    Boxes are [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2; a pair whose union is 0 has IoU 0.
    """
    iou = np.zeros((len(boxes_a), len(boxes_b)))
    # Your code here.
    return iou
