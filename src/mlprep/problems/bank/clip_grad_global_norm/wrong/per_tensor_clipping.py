"""Clips every tensor by its own norm instead of rescaling all of them by the global norm."""
import numpy as np


def clip_grad_global_norm(grads, max_norm):
    arrays = [np.asarray(g, dtype=float).ravel() for g in grads]
    total = float(np.sqrt(sum(np.sum(a**2) for a in arrays)))
    out = []
    for a in arrays:
        scale = max_norm / (np.linalg.norm(a) + 1e-6)
        out.append(a * scale if scale < 1 else a)
    return np.concatenate(out), total
