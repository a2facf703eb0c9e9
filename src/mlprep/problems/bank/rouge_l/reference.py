import numpy as np


def _lcs_length(a, b):
    """Length of the longest common subsequence, one DP row at a time."""
    ids = {}
    a = np.array([ids.setdefault(t, len(ids)) for t in a], dtype=np.int64)
    b = np.array([ids.setdefault(t, len(ids)) for t in b], dtype=np.int64)
    row = np.zeros(len(b) + 1, dtype=np.int64)  # row[j] = LCS of the a-prefix so far and b[:j]
    for token in a:
        # L[i][j] = max(L[i-1][j], L[i][j-1], L[i-1][j-1] + 1 if a_i == b_j): the L[i][j-1] term
        # chains to the left, so it is a running maximum along the new row.
        diagonal = np.where(b == token, row[:-1] + 1, 0)
        new = np.maximum(row[1:], diagonal)
        row = np.concatenate([[0], np.maximum.accumulate(new)])
    return int(row[-1])


def rouge_l(candidate, reference, beta=1.0):
    lcs = _lcs_length(list(candidate), list(reference))
    if lcs == 0:  # also covers an empty candidate or reference
        return 0.0, 0.0, 0.0
    precision = lcs / len(candidate)
    recall = lcs / len(reference)
    b2 = beta**2
    f_measure = (1 + b2) * precision * recall / (recall + b2 * precision)
    return precision, recall, f_measure
