import math

import numpy as np


def time_based_split(timestamps, valid_fraction):
    timestamps = np.asarray(timestamps)
    n = len(timestamps)
    n_valid = min(math.ceil(valid_fraction * n), n - 1)  # at least 1 (fraction > 0), at most n - 1
    order = np.argsort(timestamps, kind="stable")  # ties keep increasing index order
    return order[: n - n_valid].astype(np.int64), order[n - n_valid :].astype(np.int64)
