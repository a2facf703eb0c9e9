"""Checks the current token for eos before generating, so a start token equal to eos yields nothing."""
import numpy as np


def greedy_decoding(table, start, eos, max_new_tokens):
    out = []
    prev = start
    while prev != eos and len(out) < max_new_tokens:
        prev = int(np.argmax(table[prev]))
        out.append(prev)
    return np.array(out, dtype=np.int64)
