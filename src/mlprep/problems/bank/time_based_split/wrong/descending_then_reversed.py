"""Sorts newest first and reverses, which puts tied timestamps in decreasing index order."""
import math

import numpy as np


def time_based_split(timestamps, valid_fraction):
    n = len(timestamps)
    n_valid = min(math.ceil(valid_fraction * n), n - 1)
    order = np.argsort(-np.asarray(timestamps, dtype=float), kind="stable")[::-1]
    return order[: n - n_valid], order[n - n_valid :]
