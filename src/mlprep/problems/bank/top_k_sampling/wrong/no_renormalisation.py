"""Takes the softmax over the whole vocabulary and keeps the top-k probabilities without renormalising them."""
import numpy as np


def top_k_sampling(table, start, n_steps, k, temperature, seed):
    rng = np.random.default_rng(seed)
    out = np.empty(n_steps, dtype=np.int64)
    prev = start
    for t in range(n_steps):
        row = np.asarray(table[prev], dtype=float) / temperature
        p = np.exp(row - row.max())
        p /= p.sum()
        kept = np.argsort(-row, kind="stable")[:k]
        m = min(int(np.searchsorted(np.cumsum(p[kept]), rng.random(), side="right")), k - 1)
        prev = int(kept[m])
        out[t] = prev
    return out
