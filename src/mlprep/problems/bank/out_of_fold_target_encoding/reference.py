import numpy as np


def out_of_fold_target_encoding(train_codes, train_y, test_codes, n_folds, smoothing):
    codes = np.asarray(train_codes)
    y = np.asarray(train_y, dtype=float)
    n = len(codes)
    fold = np.arange(n) % n_folds

    # Per category over the whole training set: count and target sum.
    cats, cat = np.unique(codes, return_inverse=True)
    total_count = np.bincount(cat, minlength=len(cats)).astype(float)
    total_sum = np.bincount(cat, weights=y, minlength=len(cats))

    # Per (fold, category) pair: the in-fold part, to subtract from the totals.
    pairs, pair = np.unique(fold * len(cats) + cat, return_inverse=True)
    in_count = np.bincount(pair, minlength=len(pairs))[pair]
    in_sum = np.bincount(pair, weights=y, minlength=len(pairs))[pair]
    fold_size = np.bincount(fold, minlength=n_folds)[fold]
    fold_sum = np.bincount(fold, weights=y, minlength=n_folds)[fold]

    # Statistics of the other folds, row by row.
    prior = (y.sum() - fold_sum) / (n - fold_size)
    n_c = total_count[cat] - in_count
    sum_c = total_sum[cat] - in_sum
    train_enc = _smooth(n_c, sum_c, prior, smoothing)

    # Test rows: the whole training set.
    test = np.asarray(test_codes)
    idx = np.clip(np.searchsorted(cats, test), 0, len(cats) - 1)
    seen = cats[idx] == test
    n_t = np.where(seen, total_count[idx], 0.0)
    sum_t = np.where(seen, total_sum[idx], 0.0)
    test_enc = _smooth(n_t, sum_t, np.full(len(test), y.mean()), smoothing)
    return train_enc, test_enc


def _smooth(n_c, sum_c, prior, smoothing):
    """(sum_c + smoothing * prior) / (n_c + smoothing); the prior where the category is absent."""
    enc = prior.copy()
    present = n_c > 0
    enc[present] = (sum_c[present] + smoothing * prior[present]) / (n_c[present] + smoothing)
    return enc
