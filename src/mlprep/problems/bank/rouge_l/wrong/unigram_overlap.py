"""Counts the clipped unigram overlap (ROUGE-1) instead of the longest common subsequence."""
from collections import Counter


def rouge_l(candidate, reference, beta=1.0):
    overlap = sum((Counter(candidate) & Counter(reference)).values())
    if overlap == 0:
        return 0.0, 0.0, 0.0
    p, r = overlap / len(candidate), overlap / len(reference)
    return p, r, (1 + beta**2) * p * r / (r + beta**2 * p)
