import numpy as np


def greedy_decoding(table, start, eos, max_new_tokens):
    """Return the greedily decoded tokens after `start` (int array), eos included if reached.

    table: (V, V) scores, row i = scores of the next token after token i.
    """
    tokens = np.zeros(0, dtype=np.int64)
    # Your code here.
    return tokens
