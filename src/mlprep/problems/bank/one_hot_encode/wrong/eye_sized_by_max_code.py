"""Uses np.eye(max_code + 1), one column per integer up to the largest train code."""
import numpy as np


def one_hot_encode(train_codes, test_codes):
    k = int(train_codes.max()) + 1
    eye = np.eye(k)
    test = np.zeros((len(test_codes), k))
    seen = test_codes < k
    test[seen] = eye[test_codes[seen]]
    return eye[train_codes], test
