"""Applies the formula blindly: with smoothing 0 an absent category is 0/0 = NaN, not the prior."""
import numpy as np


def _encode(fit_codes, fit_y, codes, smoothing):
    prior = fit_y.mean()
    cnt = np.array([np.sum(fit_codes == c) for c in codes], dtype=float)
    tot = np.array([fit_y[fit_codes == c].sum() for c in codes], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (tot + smoothing * prior) / (cnt + smoothing)


def out_of_fold_target_encoding(train_codes, train_y, test_codes, n_folds, smoothing):
    codes = np.asarray(train_codes)
    y = np.asarray(train_y, dtype=float)
    fold = np.arange(len(codes)) % n_folds
    train = np.empty(len(codes))
    for k in range(n_folds):
        held = fold == k
        train[held] = _encode(codes[~held], y[~held], codes[held], smoothing)
    return train, _encode(codes, y, np.asarray(test_codes), smoothing)
