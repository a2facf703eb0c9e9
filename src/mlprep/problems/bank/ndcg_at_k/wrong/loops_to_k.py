"""Loops over range(k) and indexes the list directly: IndexError when k exceeds its length."""
import math


def ndcg_at_k(relevances, k):
    rel = [float(r) for r in relevances]
    ideal_rel = sorted(rel, reverse=True)
    dcg = sum((2 ** rel[i] - 1) / math.log2(i + 2) for i in range(k))
    idcg = sum((2 ** ideal_rel[i] - 1) / math.log2(i + 2) for i in range(k))
    return 0.0 if idcg == 0 else dcg / idcg
