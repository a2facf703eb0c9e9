import numpy as np


def bpe_merge_step(symbols, lengths, freqs, new_id):
    """Return (pair, new_symbols, new_lengths) after one BPE merge.

    The corpus is n words laid end to end in `symbols`; word i has lengths[i] symbols and
    occurs freqs[i] times. pair = [left, right] (or [-1, -1] if there is no pair at all).
    """
    pair = np.array([-1, -1], dtype=np.int64)
    new_symbols = np.array(symbols, dtype=np.int64)
    new_lengths = np.array(lengths, dtype=np.int64)
    # Your code here.
    return pair, new_symbols, new_lengths
