"""Splits the rows into contiguous blocks (np.array_split) instead of fold = i % n_folds."""
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
    for block in np.array_split(np.arange(len(codes)), n_folds):
        held = np.zeros(len(codes), bool)
        held[block] = True
        train[held] = _encode(codes[~held], y[~held], codes[held], smoothing)
    return train, _encode(codes, y, np.asarray(test_codes), smoothing)
