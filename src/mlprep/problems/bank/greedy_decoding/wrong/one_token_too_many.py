"""An off-by-one in the length check: generates up to max_new_tokens + 1 tokens."""
import numpy as np


def greedy_decoding(table, start, eos, max_new_tokens):
    out = []
    prev = start
    while len(out) <= max_new_tokens:
        prev = int(np.argmax(table[prev]))
        out.append(prev)
        if prev == eos:
            break
    return np.array(out, dtype=np.int64)
