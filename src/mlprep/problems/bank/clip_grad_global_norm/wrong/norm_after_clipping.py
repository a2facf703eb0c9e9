"""Reports the norm of the clipped gradients instead of the norm before clipping."""
import numpy as np


def clip_grad_global_norm(grads, max_norm):
    flat = np.concatenate([np.asarray(g, dtype=float).ravel() for g in grads])
    scale = max_norm / (np.linalg.norm(flat) + 1e-6)
    if scale < 1:
        flat = flat * scale
    return flat, float(np.linalg.norm(flat))
