"""Forgets to cap the validation size at n - 1, so a large fraction leaves train empty."""
import math

import numpy as np


def time_based_split(timestamps, valid_fraction):
    n = len(timestamps)
    n_valid = math.ceil(valid_fraction * n)
    order = np.argsort(timestamps, kind="stable")
    return order[: n - n_valid], order[n - n_valid :]
