"""Returns positions in the time-sorted order instead of the original sample indices."""
import math

import numpy as np


def time_based_split(timestamps, valid_fraction):
    n = len(timestamps)
    n_valid = min(math.ceil(valid_fraction * n), n - 1)
    return np.arange(n - n_valid), np.arange(n - n_valid, n)
