import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    """Return the learning rate at each step (float array shaped like steps).

    Linear warm-up from 0 at step 0 to base_lr at step warmup_steps, then cosine decay to
    min_lr at step total_steps, and min_lr after that.
    """
    steps = np.asarray(steps)
    lrs = np.full(steps.shape, float(base_lr))
    # Your code here.
    return lrs
