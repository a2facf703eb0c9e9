"""Divides the LCS by the reference length for precision and by the candidate length for recall."""


def _lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(candidate, reference, beta=1.0):
    lcs = _lcs(candidate, reference)
    if lcs == 0:
        return 0.0, 0.0, 0.0
    p, r = lcs / len(reference), lcs / len(candidate)
    return p, r, (1 + beta**2) * p * r / (r + beta**2 * p)
