"""Returns the start token at the front of the output (and counts it towards max_new_tokens)."""
import numpy as np


def greedy_decoding(table, start, eos, max_new_tokens):
    out = [start]
    prev = start
    while len(out) < max_new_tokens:
        prev = int(np.argmax(table[prev]))
        out.append(prev)
        if prev == eos:
            break
    return np.array(out[:max_new_tokens], dtype=np.int64)
