"""Breaks ties between equal scores towards the higher token index."""
import numpy as np


def greedy_decoding(table, start, eos, max_new_tokens):
    out = []
    prev = start
    for _ in range(max_new_tokens):
        row = np.asarray(table[prev])
        prev = int(len(row) - 1 - np.argmax(row[::-1]))
        out.append(prev)
        if prev == eos:
            break
    return np.array(out, dtype=np.int64)
