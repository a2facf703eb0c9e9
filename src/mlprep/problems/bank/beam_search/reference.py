import numpy as np


def beam_search(start_logp, trans_logp, length, beam_width):
    start = np.asarray(start_logp, dtype=float)
    trans = np.asarray(trans_logp, dtype=float)
    V = len(start)

    def best_first(candidates):
        # Higher score first; equal scores: the lexicographically smaller token tuple first.
        return sorted(candidates, key=lambda c: (-c[1], c[0]))[:beam_width]

    beams = best_first([((t,), float(start[t])) for t in range(V)])
    for _ in range(length - 1):
        # Every kept sequence times every token, all pruned together (globally).
        beams = best_first(
            [
                (seq + (t,), score + float(trans[seq[-1], t]))
                for seq, score in beams
                for t in range(V)
            ]
        )
    tokens, score = beams[0]
    return np.array(tokens, dtype=np.int64), score
