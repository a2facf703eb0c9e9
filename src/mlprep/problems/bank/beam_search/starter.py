import numpy as np


def beam_search(start_logp, trans_logp, length, beam_width):
    """Return (tokens, score): the best sequence kept by beam search, int array (length,), float."""
    tokens = np.zeros(length, dtype=np.int64)
    score = 0.0
    # Your code here.
    return tokens, score
