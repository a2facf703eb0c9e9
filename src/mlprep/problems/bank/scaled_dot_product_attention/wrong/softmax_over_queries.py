"""Takes the softmax over axis 0 (the queries) instead of over the keys of each query."""
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ K.T / np.sqrt(Q.shape[1])
    if mask is not None:
        scores = np.where(mask != 0, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=0, keepdims=True))
    w = e / e.sum(axis=0, keepdims=True)
    return w @ V, w
