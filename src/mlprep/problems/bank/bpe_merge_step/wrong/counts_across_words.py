"""Counts adjacent pairs over the flat symbol array, so pairs spanning two words are counted too."""
import numpy as np


def bpe_merge_step(symbols, lengths, freqs, new_id):
    word_of = np.repeat(np.arange(len(lengths)), lengths)
    counts = {}
    for t in range(len(symbols) - 1):
        pair = (int(symbols[t]), int(symbols[t + 1]))
        counts[pair] = counts.get(pair, 0) + int(freqs[word_of[t]])
    if not counts or max(lengths) < 2:
        return np.array([-1, -1]), np.array(symbols), np.array(lengths)
    best = max(counts.values())
    pair = min(p for p, c in counts.items() if c == best)
    out, new_lengths, start = [], [], 0
    for n in lengths:
        w = [int(s) for s in symbols[start:start + n]]
        start += n
        merged, t = [], 0
        while t < len(w):
            if t + 1 < len(w) and (w[t], w[t + 1]) == pair:
                merged.append(new_id)
                t += 2
            else:
                merged.append(w[t])
                t += 1
        out += merged
        new_lengths.append(len(merged))
    return np.array(pair), np.array(out, np.int64), np.array(new_lengths, np.int64)
