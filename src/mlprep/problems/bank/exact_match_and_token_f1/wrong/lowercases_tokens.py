"""Applies SQuAD's text normalisation (lower-casing, dropping punctuation) to tokens given as-is."""
from collections import Counter


def _norm(tokens):
    out = [t.lower() if isinstance(t, str) else t for t in tokens]
    return [t for t in out if t not in (".", ",", "!", "?")]


def _f1(p, r):
    if not p or not r:
        return float(p == r)
    same = sum((Counter(p) & Counter(r)).values())
    if same == 0:
        return 0.0
    prec, rec = same / len(p), same / len(r)
    return 2 * prec * rec / (prec + rec)


def exact_match_and_token_f1(predictions, references):
    em = f1 = 0.0
    for p, refs in zip(predictions, references):
        p = _norm(p)
        em += max(float(p == _norm(a)) for a in refs)
        f1 += max(_f1(p, _norm(a)) for a in refs)
    return em / len(predictions), f1 / len(predictions)
