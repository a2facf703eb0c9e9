import numpy as np


def bpe_merge_step(symbols, lengths, freqs, new_id):
    flat = [int(s) for s in symbols]
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(int)
    words = [flat[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]

    counts = {}
    for word, freq in zip(words, freqs, strict=True):
        # Every adjacent position counts, overlapping ones included.
        for pair in zip(word[:-1], word[1:], strict=True):
            counts[pair] = counts.get(pair, 0) + int(freq)
    if not counts:  # no word has two symbols: nothing to merge
        return np.array([-1, -1], np.int64), np.array(flat, np.int64), np.array(lengths, np.int64)
    best = max(counts.values())
    pair = min(p for p, c in counts.items() if c == best)  # ties: smallest (left, right)

    new_words = []
    for word in words:
        out, t = [], 0
        while t < len(word):
            if t + 1 < len(word) and (word[t], word[t + 1]) == pair:
                out.append(new_id)  # merge, then skip the right symbol: no overlaps
                t += 2
            else:
                out.append(word[t])
                t += 1
        new_words.append(out)
    new_symbols = np.array([s for w in new_words for s in w], np.int64)
    new_lengths = np.array([len(w) for w in new_words], np.int64)
    return np.array(pair, np.int64), new_symbols, new_lengths
