"""Greedy decoding: always extends with the single best next token, whatever beam_width says."""
import numpy as np


def beam_search(start_logp, trans_logp, length, beam_width):
    tokens = [int(np.argmax(start_logp))]
    score = float(start_logp[tokens[0]])
    for _ in range(length - 1):
        nxt = int(np.argmax(trans_logp[tokens[-1]]))
        score += float(trans_logp[tokens[-1], nxt])
        tokens.append(nxt)
    return np.array(tokens, dtype=np.int64), score
