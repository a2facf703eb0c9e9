import numpy as np


def top_k_sampling(table, start, n_steps, k, temperature, seed):
    """Return the n_steps sampled tokens (int array), starting after token `start`.

    table: (V, V) logits, row i = next-token logits after token i. Keep the k best tokens,
    divide their logits by temperature, softmax, one rng.random() per step, inverse CDF.
    """
    # rng = np.random.default_rng(seed), created once, one rng.random() per step.
    tokens = np.zeros(n_steps, dtype=np.int64)
    # Your code here.
    return tokens
