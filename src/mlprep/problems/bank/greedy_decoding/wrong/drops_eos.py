"""Stops at the end-of-sequence token but leaves it out of the output."""
import numpy as np


def greedy_decoding(table, start, eos, max_new_tokens):
    out = []
    prev = start
    for _ in range(max_new_tokens):
        prev = int(np.argmax(table[prev]))
        if prev == eos:
            break
        out.append(prev)
    return np.array(out, dtype=np.int64)
