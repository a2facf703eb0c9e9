import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    scores = Q @ K.T / np.sqrt(Q.shape[1])  # (n_q, n_k)
    if mask is not None:
        scores = np.where(np.asarray(mask) != 0, scores, -np.inf)  # 0 = may not attend
    scores = scores - scores.max(axis=1, keepdims=True)  # stable: the row maximum becomes 0
    e = np.exp(scores)  # exp(-inf) = 0 for the masked keys
    weights = e / e.sum(axis=1, keepdims=True)  # softmax over the keys of each query
    return weights @ V, weights
