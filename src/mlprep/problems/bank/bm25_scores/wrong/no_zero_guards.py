"""Divides by avgdl and by the denominator unguarded: NaN when every document is empty (avgdl = 0)."""
import numpy as np


def bm25_scores(tf, query, k1=1.5, b=0.75):
    tf = np.asarray(tf, dtype=float)
    N = tf.shape[0]
    n_t = (tf > 0).sum(axis=0)
    idf = np.log(1 + (N - n_t + 0.5) / (n_t + 0.5))
    dl = tf.sum(axis=1)
    scores = np.zeros(N)
    for t in query:
        f = tf[:, t]
        scores += idf[t] * f * (k1 + 1) / (f + k1 * (1 - b + b * dl / dl.mean()))
    return scores
