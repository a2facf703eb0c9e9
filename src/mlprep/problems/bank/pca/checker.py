"""PCA directions are defined up to sign: flip each returned row to face the expected one."""

import numpy as np


def check(expected, actual, args, default):
    want = np.asarray(expected[0], dtype=np.float64)
    got = np.asarray(actual[0], dtype=np.float64)
    with np.errstate(all="ignore"):
        dots = np.einsum("ij,ij->i", want, got)
        signs = np.where(dots < 0, -1.0, 1.0)  # NaN dots keep their sign and fail later
        flipped = got * signs[:, None]
    problem = default(expected, (flipped, actual[1]))
    if problem and problem.startswith("components"):
        problem += " (after matching each row's sign to the expected row)"
    return problem
