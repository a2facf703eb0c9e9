"""Averages sentence-level BLEU over the segments instead of pooling counts over the corpus."""
import math
from collections import Counter

import numpy as np


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _sentence(cand, refs, max_n):
    p = np.zeros(max_n)
    for n in range(1, max_n + 1):
        counts = _ngrams(cand, n)
        best = Counter()
        for ref in refs:
            best |= _ngrams(ref, n)
        total = max(len(cand) - n + 1, 0)
        p[n - 1] = sum(min(k, best[g]) for g, k in counts.items()) / total if total else 0.0
    c = len(cand)
    r = min((abs(len(x) - c), len(x)) for x in refs)[1]
    bp = 0.0 if c == 0 else (1.0 if c > r else math.exp(1 - r / c))
    score = 0.0 if np.any(p == 0) else bp * math.exp(np.mean(np.log(p)))
    return score, p, bp


def bleu(candidates, references, max_n=4):
    parts = [_sentence(c, r, max_n) for c, r in zip(candidates, references)]
    return (
        float(np.mean([s for s, _, _ in parts])),
        np.mean([p for _, p, _ in parts], axis=0),
        float(np.mean([b for _, _, b in parts])),
    )
