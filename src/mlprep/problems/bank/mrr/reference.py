import numpy as np


def mrr(relevance):
    rel = np.asarray(relevance) != 0
    has_hit = rel.any(axis=1)
    first = rel.argmax(axis=1)  # index of the first True; 0 when the row has none
    reciprocal = np.where(has_hit, 1.0 / (first + 1), 0.0)  # ranks count from 1
    return float(reciprocal.mean())  # every query counts, including those with no hit
