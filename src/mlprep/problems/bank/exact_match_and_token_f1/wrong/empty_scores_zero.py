"""Gives F1 0 whenever the prediction or the reference is empty, even when both are."""
from collections import Counter


def _f1(p, r):
    same = sum((Counter(p) & Counter(r)).values())
    if same == 0:
        return 0.0
    prec, rec = same / len(p), same / len(r)
    return 2 * prec * rec / (prec + rec)


def exact_match_and_token_f1(predictions, references):
    em = sum(max(float(p == a) for a in refs) for p, refs in zip(predictions, references))
    f1 = sum(max(_f1(p, a) for a in refs) for p, refs in zip(predictions, references))
    return em / len(predictions), f1 / len(predictions)
