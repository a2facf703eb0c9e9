"""Always multiplies by max_norm / (norm + 1e-6), scaling small gradients up instead of leaving them."""
import numpy as np


def clip_grad_global_norm(grads, max_norm):
    flat = np.concatenate([np.asarray(g, dtype=float).ravel() for g in grads])
    total = float(np.linalg.norm(flat))
    return flat * (max_norm / (total + 1e-6)), total
