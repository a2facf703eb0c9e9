"""Gates with relu(x @ W1) (ReGLU) instead of silu(x @ W1)."""
import numpy as np


def swiglu_ffn(x, W1, W3, W2):
    return (np.maximum(x @ W1, 0.0) * (x @ W3)) @ W2
