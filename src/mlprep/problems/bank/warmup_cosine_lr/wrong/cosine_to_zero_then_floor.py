"""Decays the cosine from base_lr to 0 and floors it at min_lr, instead of decaying to min_lr."""
import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps, dtype=float)
    p = np.clip((s - warmup_steps) / (total_steps - warmup_steps), 0, 1)
    cos = np.maximum(min_lr, 0.5 * base_lr * (1 + np.cos(np.pi * p)))
    if warmup_steps == 0:
        return cos
    return np.where(s < warmup_steps, base_lr * s / warmup_steps, cos)
