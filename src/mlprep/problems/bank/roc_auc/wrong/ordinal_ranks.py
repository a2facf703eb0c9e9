"""Rank-sum (Mann-Whitney) formula with ordinal ranks from argsort: tied scores get distinct ranks."""
import numpy as np


def roc_auc(y_true, y_score):
    ranks = np.empty(len(y_score))
    ranks[np.argsort(y_score, kind="stable")] = np.arange(1, len(y_score) + 1)
    n_pos = int((y_true == 1).sum())
    n_neg = len(y_true) - n_pos
    return float((ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
