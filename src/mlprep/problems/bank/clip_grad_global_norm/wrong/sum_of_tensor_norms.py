"""Adds up the per-tensor L2 norms instead of taking the square root of the summed squares."""
import numpy as np


def clip_grad_global_norm(grads, max_norm):
    arrays = [np.asarray(g, dtype=float).ravel() for g in grads]
    total = float(sum(np.linalg.norm(a) for a in arrays))
    scale = max_norm / (total + 1e-6)
    flat = np.concatenate(arrays)
    return (flat * scale if scale < 1 else flat), total
