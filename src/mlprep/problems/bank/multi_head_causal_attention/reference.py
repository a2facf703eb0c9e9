import numpy as np


def multi_head_causal_attention(X, W_q, W_k, W_v, W_o, n_heads):
    X = np.asarray(X, dtype=float)
    n, d_model = X.shape
    d_h = d_model // n_heads
    Q, K, V = X @ W_q, X @ W_k, X @ W_v  # (n, d_model) each
    allowed = np.tril(np.ones((n, n), dtype=bool))  # position i sees positions j <= i
    heads = []
    for h in range(n_heads):
        cols = slice(h * d_h, (h + 1) * d_h)  # head h owns d_h consecutive columns
        scores = Q[:, cols] @ K[:, cols].T / np.sqrt(d_h)
        scores = np.where(allowed, scores, -np.inf)
        scores = scores - scores.max(axis=1, keepdims=True)  # the diagonal is always allowed
        e = np.exp(scores)
        heads.append((e / e.sum(axis=1, keepdims=True)) @ V[:, cols])
    return np.concatenate(heads, axis=1) @ W_o
