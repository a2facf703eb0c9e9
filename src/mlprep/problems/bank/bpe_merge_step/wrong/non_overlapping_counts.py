"""Counts a pair only at non-overlapping positions (as it would be merged), so [a, a, a] adds 1 to (a, a), not 2."""
import numpy as np


def bpe_merge_step(symbols, lengths, freqs, new_id):
    words, start = [], 0
    for n in lengths:
        words.append([int(s) for s in symbols[start:start + n]])
        start += n
    counts = {}
    for w, f in zip(words, freqs):
        t = 0
        while t < len(w) - 1:
            pair = (w[t], w[t + 1])
            counts[pair] = counts.get(pair, 0) + int(f)
            t += 2 if w[t] == w[t + 1] else 1
    if not counts:
        return np.array([-1, -1]), np.array(symbols), np.array(lengths)
    best = max(counts.values())
    pair = min(p for p, c in counts.items() if c == best)
    out, new_lengths = [], []
    for w in words:
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
