import numpy as np


def top_p_filter(logits, temperature, p):
    z = np.asarray(logits, dtype=float) / temperature
    q = np.exp(z - z.max())  # stable softmax: the largest exponent is 0
    q = q / q.sum()
    order = np.argsort(-q, kind="stable")  # q descending; equal q keep the lower index first
    if p >= 1:
        kept = order
    else:
        cumulative = np.cumsum(q[order])
        k = int(np.searchsorted(cumulative, p, side="left")) + 1  # first prefix with sum >= p
        kept = order[: min(k, len(q))]
    out = np.zeros_like(q)
    out[kept] = q[kept]
    return out / out.sum()
