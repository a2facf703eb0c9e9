"""Uses an unstable descending sort (argsort of the reversed row), so equal logits favour the higher index."""
import numpy as np


def top_k_sampling(table, start, n_steps, k, temperature, seed):
    rng = np.random.default_rng(seed)
    out = np.empty(n_steps, dtype=np.int64)
    prev = start
    for t in range(n_steps):
        row = np.asarray(table[prev], dtype=float)
        kept = np.argsort(row, kind="stable")[::-1][:k]
        z = row[kept] / temperature
        p = np.exp(z - z.max())
        p /= p.sum()
        m = min(int(np.searchsorted(np.cumsum(p), rng.random(), side="right")), k - 1)
        prev = int(kept[m])
        out[t] = prev
    return out
