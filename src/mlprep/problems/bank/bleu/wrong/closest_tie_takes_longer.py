"""Breaks equally-close reference lengths towards the longer reference instead of the shorter."""
import math
from collections import Counter

import numpy as np


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def bleu(candidates, references, max_n=4):
    matches, totals = np.zeros(max_n), np.zeros(max_n)
    c = r = 0
    for cand, refs in zip(candidates, references):
        for n in range(1, max_n + 1):
            counts = _ngrams(cand, n)
            best = Counter()
            for ref in refs:
                best |= _ngrams(ref, n)
            matches[n - 1] += sum(min(k, best[g]) for g, k in counts.items())
            totals[n - 1] += max(len(cand) - n + 1, 0)
        c += len(cand)
        r += min((abs(len(x) - len(cand)), -len(x)) for x in refs)[1] * -1
    p = np.divide(matches, totals, out=np.zeros(max_n), where=totals > 0)
    bp = 0.0 if c == 0 else (1.0 if c > r else math.exp(1 - r / c))
    if np.any(p == 0):
        return 0.0, p, bp
    return bp * math.exp(np.mean(np.log(p))), p, bp