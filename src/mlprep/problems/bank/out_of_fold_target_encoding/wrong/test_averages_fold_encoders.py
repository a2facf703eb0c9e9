"""Encodes test rows with the average of the per-fold (out-of-fold) encoders, not the full set."""
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
    test = np.asarray(test_codes)
    fold = np.arange(len(codes)) % n_folds
    train = np.empty(len(codes))
    test_enc = np.zeros(len(test))
    for k in range(n_folds):
        held = fold == k
        train[held] = _encode(codes[~held], y[~held], codes[held], smoothing)
        test_enc += _encode(codes[~held], y[~held], test, smoothing) / n_folds
    return train, test_enc
