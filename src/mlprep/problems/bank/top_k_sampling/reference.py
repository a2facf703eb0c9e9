import numpy as np


def top_k_sampling(table, start, n_steps, k, temperature, seed):
    table = np.asarray(table, dtype=float)
    rng = np.random.default_rng(seed)
    tokens = np.empty(n_steps, dtype=np.int64)
    prev = start
    for t in range(n_steps):
        logits = table[prev]
        kept = np.argsort(-logits, kind="stable")[:k]  # descending, ties to the lower index
        z = logits[kept] / temperature
        e = np.exp(z - z[0])  # z[0] is the largest kept logit
        cdf = np.cumsum(e / e.sum())
        u = rng.random()  # exactly one draw per step
        m = min(int(np.searchsorted(cdf, u, side="right")), k - 1)  # first m with u < cdf[m]
        prev = int(kept[m])
        tokens[t] = prev
    return tokens
