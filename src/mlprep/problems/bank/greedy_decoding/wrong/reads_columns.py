"""Takes the argmax over column prev (table[:, prev]) instead of row prev."""
import numpy as np


def greedy_decoding(table, start, eos, max_new_tokens):
    out = []
    prev = start
    for _ in range(max_new_tokens):
        prev = int(np.argmax(table[:, prev]))
        out.append(prev)
        if prev == eos:
            break
    return np.array(out, dtype=np.int64)
