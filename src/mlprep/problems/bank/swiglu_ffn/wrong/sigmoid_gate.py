"""Gates with sigmoid(x @ W1) (the original GLU) instead of silu(x @ W1) = (x @ W1) * sigmoid(x @ W1)."""
import numpy as np


def swiglu_ffn(x, W1, W3, W2):
    a, b = x @ W1, x @ W3
    return (1.0 / (1.0 + np.exp(-a)) * b) @ W2
