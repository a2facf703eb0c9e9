import numpy as np


def lora_forward_and_merge(x, W, A, B, alpha):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    scale = alpha / A.shape[1]  # alpha / r, with r the inner (rank) dimension
    y = x @ W + scale * ((x @ A) @ B)  # (x A) first: never builds the d_in x d_out update
    W_merged = W + scale * (A @ B)
    return y, W_merged
