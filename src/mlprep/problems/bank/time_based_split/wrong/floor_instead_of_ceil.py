"""Rounds the validation size down (floor, kept at least 1) instead of up."""
import numpy as np


def time_based_split(timestamps, valid_fraction):
    n = len(timestamps)
    n_valid = min(max(int(valid_fraction * n), 1), n - 1)
    order = np.argsort(timestamps, kind="stable")
    return order[: n - n_valid], order[n - n_valid :]
