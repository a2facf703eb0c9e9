import numpy as np


def padded_batch_attention(Q, K, V, lengths, causal=True, padding_side="right"):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    B, T, d = Q.shape
    lengths = np.asarray(lengths).reshape(B, 1)
    pos = np.arange(T)[None, :]  # (1, T)
    # (B, T): right padding puts the real tokens first, left padding puts them last.
    valid = pos < lengths if padding_side == "right" else pos >= T - lengths
    allowed = valid[:, None, :] & valid[:, :, None]  # (B, T_query, T_key): both are real tokens
    if causal:
        allowed &= np.tril(np.ones((T, T), dtype=bool))[None]  # key j <= query i
    scores = np.where(allowed, Q @ K.transpose(0, 2, 1) / np.sqrt(d), -np.inf)
    # Padded query rows are fully blocked: give them a finite maximum so that no 0/0 appears.
    row_max = np.where(valid[:, :, None], scores.max(axis=2, keepdims=True), 0.0)
    e = np.exp(scores - row_max)  # exactly 0 on blocked pairs
    total = e.sum(axis=2, keepdims=True)
    weights = np.where(valid[:, :, None], e / np.where(total > 0, total, 1.0), 0.0)
    return weights, weights @ V  # padded query rows: zero weights, zero output
