"""Keeps evaluating the cosine past total_steps, so the learning rate climbs back up."""
import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps, dtype=float)
    p = (s - warmup_steps) / (total_steps - warmup_steps)
    cos = min_lr + 0.5 * (base_lr - min_lr) * (1 + np.cos(np.pi * p))
    if warmup_steps == 0:
        return cos
    return np.where(s < warmup_steps, base_lr * s / warmup_steps, cos)
