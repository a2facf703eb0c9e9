import numpy as np


def greedy_decoding(table, start, eos, max_new_tokens):
    table = np.asarray(table)
    tokens = []
    prev = start
    while len(tokens) < max_new_tokens:
        prev = int(np.argmax(table[prev]))  # argmax returns the first (lowest) index on ties
        tokens.append(prev)
        if prev == eos:  # the end-of-sequence token is kept, then generation stops
            break
    return np.array(tokens, dtype=np.int64)
