"""Scales by max_norm / total_norm when the norm exceeds max_norm, without PyTorch's + 1e-6."""
import numpy as np


def clip_grad_global_norm(grads, max_norm):
    flat = np.concatenate([np.asarray(g, dtype=float).ravel() for g in grads])
    total = float(np.linalg.norm(flat))
    if total > max_norm:
        flat = flat * (max_norm / total)
    return flat, total
