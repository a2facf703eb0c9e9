"""Merges from the right end of each word, so [a, a, a] becomes [a, X] instead of [X, a]."""
import numpy as np


def _words(symbols, lengths):
    out, start = [], 0
    for n in lengths:
        out.append([int(s) for s in symbols[start:start + n]])
        start += n
    return out


def _merge_ltr(w, pair, new_id):
    merged, t = [], 0
    while t < len(w):
        if t + 1 < len(w) and (w[t], w[t + 1]) == pair:
            merged.append(new_id)
            t += 2
        else:
            merged.append(w[t])
            t += 1
    return merged


def _count(words, freqs):
    counts = {}
    for w, f in zip(words, freqs):
        for pair in zip(w[:-1], w[1:]):
            counts[pair] = counts.get(pair, 0) + int(f)
    return counts


def _pack(pair, merged_words):
    flat = [s for w in merged_words for s in w]
    return np.array(pair, np.int64), np.array(flat, np.int64), np.array([len(w) for w in merged_words], np.int64)


def bpe_merge_step(symbols, lengths, freqs, new_id):
    words = _words(symbols, lengths)
    counts = _count(words, freqs)
    if not counts:
        return np.array([-1, -1]), np.array(symbols), np.array(lengths)
    pair = min(p for p, c in counts.items() if c == max(counts.values()))
    return _pack(pair, [_merge_ltr(w[::-1], pair[::-1], new_id)[::-1] for w in words])
