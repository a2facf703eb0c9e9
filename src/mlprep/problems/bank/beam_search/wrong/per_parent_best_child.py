"""Prunes per parent instead of globally: each kept sequence keeps only its own best continuation."""
import numpy as np


def beam_search(start_logp, trans_logp, length, beam_width):
    V = len(start_logp)
    beams = sorted(((float(start_logp[t]), (t,)) for t in range(V)), key=lambda b: (-b[0], b[1]))
    beams = beams[:beam_width]
    for _ in range(length - 1):
        new = []
        for score, seq in beams:
            t = int(np.argmax(trans_logp[seq[-1]]))
            new.append((score + float(trans_logp[seq[-1], t]), seq + (t,)))
        beams = sorted(new, key=lambda b: (-b[0], b[1]))
    score, seq = beams[0]
    return np.array(seq, dtype=np.int64), score
