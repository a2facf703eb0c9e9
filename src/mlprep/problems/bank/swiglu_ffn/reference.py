import numpy as np


def swiglu_ffn(x, W1, W3, W2):
    x = np.asarray(x, dtype=float)
    gate = x @ W1  # (n, h): this branch goes through SiLU
    up = x @ W3  # (n, h): the linear branch
    # silu(z) = z * sigmoid(z); sigmoid(z) = 1 / (1 + exp(-z)) written so exp never overflows.
    e = np.exp(-np.abs(gate))
    sigmoid = np.where(gate >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return (gate * sigmoid * up) @ W2  # (n, d_out)
