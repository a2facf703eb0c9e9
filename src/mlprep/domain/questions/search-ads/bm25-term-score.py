"""BM25 contribution of one term with the Lucene-style IDF."""

import math


def answer() -> float:
    k1, b, n_docs, df, tf, dl, avgdl = 1.2, 0.75, 1_000_000, 1000, 3, 200, 100  # as stated
    idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
    tf_factor = tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))
    return idf * tf_factor
