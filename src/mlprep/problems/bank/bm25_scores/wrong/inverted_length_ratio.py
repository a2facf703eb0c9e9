"""Normalises by avgdl / dl instead of dl / avgdl, so long documents are favoured instead of penalised."""
import numpy as np


def bm25_scores(tf, query, k1=1.5, b=0.75):
    tf = np.asarray(tf, dtype=float)
    N = tf.shape[0]
    n_t = (tf > 0).sum(axis=0)
    idf = np.log(1 + (N - n_t + 0.5) / (n_t + 0.5))
    dl = tf.sum(axis=1)
    avgdl = dl.mean()
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(dl > 0, avgdl / np.maximum(dl, 1e-300), 0.0)
    scores = np.zeros(N)
    for t in query:
        f = tf[:, t]
        with np.errstate(invalid="ignore", divide="ignore"):
            s = idf[t] * f * (k1 + 1) / (f + k1 * (1 - b + b * ratio))
        scores += np.where(f > 0, s, 0.0)
    return scores
