"""Measures the cosine progress as step / total_steps, ignoring that the decay starts after warm-up."""
import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps, dtype=float)
    p = np.clip(s / total_steps, 0, 1)
    cos = min_lr + 0.5 * (base_lr - min_lr) * (1 + np.cos(np.pi * p))
    if warmup_steps == 0:
        return cos
    return np.where(s < warmup_steps, base_lr * s / warmup_steps, cos)
