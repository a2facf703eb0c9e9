"""Splits at random, the usual i.i.d. split, ignoring the timestamps."""
import math

import numpy as np


def time_based_split(timestamps, valid_fraction):
    n = len(timestamps)
    n_valid = min(math.ceil(valid_fraction * n), n - 1)
    perm = np.random.default_rng(0).permutation(n)
    return perm[: n - n_valid], perm[n - n_valid :]
