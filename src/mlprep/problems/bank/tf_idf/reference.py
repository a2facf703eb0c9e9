import numpy as np


def tf_idf(counts):
    counts = np.asarray(counts, dtype=float)
    n_docs = counts.shape[0]
    df = (counts > 0).sum(axis=0)  # documents containing each term, not total occurrences
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0  # smooth idf: finite even when df = 0
    weights = counts * idf  # raw count times idf, column by column
    norms = np.sqrt((weights**2).sum(axis=1, keepdims=True))
    safe = np.where(norms > 0, norms, 1.0)  # an empty document stays a row of zeros
    return weights / safe
