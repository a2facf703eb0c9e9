import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps, dtype=float)
    w, t = warmup_steps, total_steps
    progress = np.clip((s - w) / (t - w), 0.0, 1.0)  # 0 at the end of warm-up, 1 at total_steps
    cosine = min_lr + 0.5 * (base_lr - min_lr) * (1.0 + np.cos(np.pi * progress))
    if w > 0:
        return np.where(s < w, base_lr * s / w, cosine)  # linear from 0 at step 0
    return cosine
