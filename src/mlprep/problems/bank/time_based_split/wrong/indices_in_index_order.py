"""Picks the right samples but returns each index array sorted by index, not by time."""
import math

import numpy as np


def time_based_split(timestamps, valid_fraction):
    n = len(timestamps)
    n_valid = min(math.ceil(valid_fraction * n), n - 1)
    order = np.argsort(timestamps, kind="stable")
    return np.sort(order[: n - n_valid]), np.sort(order[n - n_valid :])
