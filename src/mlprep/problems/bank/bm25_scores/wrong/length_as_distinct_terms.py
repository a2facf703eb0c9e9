"""Measures a document's length as its number of distinct terms instead of the sum of its row."""
import numpy as np


def bm25_scores(tf, query, k1=1.5, b=0.75):
    tf = np.asarray(tf, dtype=float)
    N = tf.shape[0]
    n_t = (tf > 0).sum(axis=0)
    idf = np.log(1 + (N - n_t + 0.5) / (n_t + 0.5))
    dl = (tf > 0).sum(axis=1).astype(float)
    avgdl = dl.mean()
    ratio = dl / avgdl if avgdl > 0 else np.zeros(N)
    scores = np.zeros(N)
    for t in query:
        f = tf[:, t]
        with np.errstate(invalid="ignore", divide="ignore"):
            s = idf[t] * f * (k1 + 1) / (f + k1 * (1 - b + b * ratio))
        scores += np.where(f > 0, s, 0.0)
    return scores
