import numpy as np


def lora_forward_and_merge(x, W, A, B, alpha):
    """Return (y, W_merged) for a linear layer with a LoRA adapter.

    x: (n, d_in), W: (d_in, d_out), A: (d_in, r), B: (r, d_out), alpha: float.
    y = x W + (alpha / r) x A B, and W_merged = W + (alpha / r) A B.
    """
    y = np.zeros((x.shape[0], W.shape[1]))
    W_merged = np.array(W, dtype=float)
    # Your code here.
    return y, W_merged
