import numpy as np


def clip_grad_global_norm(grads, max_norm):
    arrays = [np.asarray(g, dtype=float).ravel() for g in grads]
    total_norm = float(np.sqrt(sum(float(np.sum(a * a)) for a in arrays)))  # one norm for all
    scale = max_norm / (total_norm + 1e-6)  # PyTorch's clip_grad_norm_ convention
    if scale < 1.0:
        arrays = [a * scale for a in arrays]
    return np.concatenate(arrays), total_norm
