"""Sorts with np.argsort(scores)[::-1], so among equal scores the later candidate (larger token) wins."""
import numpy as np


def beam_search(start_logp, trans_logp, length, beam_width):
    start_logp = np.asarray(start_logp, dtype=float)
    trans_logp = np.asarray(trans_logp, dtype=float)
    V = len(start_logp)
    order = np.argsort(start_logp, kind="stable")[::-1][:beam_width]
    seqs = order[:, None]
    scores = start_logp[order]
    for _ in range(length - 1):
        cand = (scores[:, None] + trans_logp[seqs[:, -1]]).ravel()
        top = np.argsort(cand, kind="stable")[::-1][:beam_width]
        seqs = np.concatenate([seqs[top // V], (top % V)[:, None]], axis=1)
        scores = cand[top]
    return seqs[0].astype(np.int64), float(scores[0])
