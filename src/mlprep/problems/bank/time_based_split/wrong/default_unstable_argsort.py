"""Uses np.argsort's default (unstable) algorithm, so tied timestamps may leave index order."""
import math

import numpy as np


def time_based_split(timestamps, valid_fraction):
    n = len(timestamps)
    n_valid = min(math.ceil(valid_fraction * n), n - 1)
    order = np.argsort(timestamps)
    return order[: n - n_valid], order[n - n_valid :]
