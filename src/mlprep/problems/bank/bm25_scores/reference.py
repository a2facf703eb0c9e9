import numpy as np


def bm25_scores(tf, query, k1=1.5, b=0.75):
    tf = np.asarray(tf, dtype=float)
    N = tf.shape[0]
    n_t = (tf > 0).sum(axis=0)  # document frequency: documents that contain term t
    idf = np.log(1.0 + (N - n_t + 0.5) / (n_t + 0.5))  # always > 0
    dl = tf.sum(axis=1)
    avgdl = dl.mean()
    ratio = dl / avgdl if avgdl > 0 else np.zeros(N)
    norm = k1 * (1.0 - b + b * ratio)  # (N,), can be 0 only for an empty document when b = 1
    scores = np.zeros(N)
    for t in np.asarray(query).ravel():  # a repeated query term counts every time
        f = tf[:, t]
        present = f > 0  # an absent term adds 0 (and avoids 0 / 0 for an empty document)
        scores[present] += idf[t] * f[present] * (k1 + 1.0) / (f[present] + norm[present])
    return scores
