"""Uses the whole training set's mean as the prior for train rows, not the other folds' mean."""
import numpy as np


def _encode(fit_codes, fit_y, codes, smoothing, prior):
    out = np.full(len(codes), prior)
    for i, c in enumerate(codes):
        sel = fit_y[fit_codes == c]
        if len(sel):
            out[i] = (sel.sum() + smoothing * prior) / (len(sel) + smoothing)
    return out


def out_of_fold_target_encoding(train_codes, train_y, test_codes, n_folds, smoothing):
    codes = np.asarray(train_codes)
    y = np.asarray(train_y, dtype=float)
    prior = y.mean()
    fold = np.arange(len(codes)) % n_folds
    train = np.empty(len(codes))
    for k in range(n_folds):
        held = fold == k
        train[held] = _encode(codes[~held], y[~held], codes[held], smoothing, prior)
    return train, _encode(codes, y, np.asarray(test_codes), smoothing, prior)
