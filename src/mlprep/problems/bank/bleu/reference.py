import math
from collections import Counter

import numpy as np


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def bleu(candidates, references, max_n=4):
    matches = np.zeros(max_n)
    totals = np.zeros(max_n)
    cand_length = ref_length = 0
    for candidate, refs in zip(candidates, references, strict=True):
        candidate = list(candidate)
        refs = [list(r) for r in refs]
        for n in range(1, max_n + 1):
            counts = _ngrams(candidate, n)
            # Clip each n-gram by its largest count in any ONE reference.
            max_ref = Counter()
            for ref in refs:
                max_ref |= _ngrams(ref, n)  # | keeps the larger count of each n-gram
            matches[n - 1] += sum(min(c, max_ref[g]) for g, c in counts.items())
            totals[n - 1] += max(len(candidate) - n + 1, 0)
        cand_length += len(candidate)
        # The reference length closest to the candidate's; on a tie, the shorter one.
        ref_length += min((abs(len(r) - len(candidate)), len(r)) for r in refs)[1]
    precisions = np.divide(matches, totals, out=np.zeros(max_n), where=totals > 0)
    if cand_length == 0:
        brevity_penalty = 0.0
    elif cand_length > ref_length:
        brevity_penalty = 1.0
    else:
        brevity_penalty = math.exp(1 - ref_length / cand_length)
    if np.any(precisions == 0):  # no smoothing: one empty precision makes BLEU 0
        return 0.0, precisions, brevity_penalty
    score = brevity_penalty * math.exp(np.mean(np.log(precisions)))
    return score, precisions, brevity_penalty
