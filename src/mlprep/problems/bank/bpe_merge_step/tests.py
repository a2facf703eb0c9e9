"""Hand-made cases first (the classic low/lower/newest/widest corpus, ties, overlapping runs,
word boundaries, word frequencies, no pair at all), then seeded random corpora over small
alphabets, with word frequencies and frequent ties."""

import numpy as np

from mlprep.problems import Case

# d=0 e=1 i=2 l=3 n=4 o=5 r=6 s=7 t=8 w=9
CLASSIC = [([3, 5, 9], 5), ([3, 5, 9, 1, 6], 2), ([4, 1, 9, 1, 7, 8], 6), ([9, 2, 0, 1, 7, 8], 3)]


def cases(rng):
    yield Case("low_lower_newest_widest", (*_corpus(CLASSIC), 10), "basic")
    # Pairs (4, 2) and (1, 3) both occur 3 times; (4, 2) is seen first in the corpus, but the
    # smaller pair (1, 3) wins.
    yield Case(
        "tie_goes_to_smallest_pair",
        (*_corpus([([4, 2], 3), ([1, 3], 1), ([0, 1, 3], 2)]), 5),
        "ties",
    )
    # (5, 5) sits at overlapping positions: 3 * 2 + 3 = 9 occurrences, beating (1, 2) with 5
    # (counting only non-overlapping ones gives 3 + 2 = 5, a tie that (1, 2) would win).
    # Merging left to right turns [5, 5, 5] into [9, 5] and [5, 5, 5, 5] into [9, 9].
    yield Case(
        "overlapping_run",
        (*_corpus([([5, 5, 5], 3), ([1, 2], 5), ([5, 5, 5, 5], 1)]), 9),
        "overlaps",
    )

    # In the flat array, every word ends with 1 and the next starts with 2, but (1, 2) never
    # occurs inside a word: it must not be counted.
    yield Case(
        "no_pairs_across_words",
        (
            *_corpus(
                [([4, 1], 1), ([2, 5], 1), ([4, 1], 1), ([2, 6], 1), ([3, 1], 1), ([2, 0], 1)]
            ),
            7,
        ),
        "word boundaries",
    )
    # One frequent word beats many rare distinct words: counts are weighted by frequency.
    yield Case(
        "frequency_weighting",
        (*_corpus([([0, 1], 10), ([2, 3, 4], 1), ([3, 4, 2], 1), ([5, 3, 4], 1), ([6, 0], 1)]), 7),
        "frequencies",
    )
    yield Case("no_pair_at_all", (*_corpus([([3], 4), ([1], 2), ([0], 1)]), 4), "no pair")
    yield Case("single_word", (*_corpus([([2, 0, 2, 0, 2], 1)]), 3), "tiny")
    # A repeated pattern: [1, 2, 1, 2, 2, 1, 2] -> [7, 7, 2, 7].
    yield Case(
        "repeated_pattern", (*_corpus([([1, 2, 1, 2, 2, 1, 2], 1), ([1, 2], 2)]), 7), "overlaps"
    )
    # Runs of odd and even length of the same symbol.
    yield Case(
        "runs_of_one_symbol",
        (*_corpus([([3, 3, 3, 3, 3], 1), ([3, 3], 1), ([3, 3, 3], 2), ([0, 3], 1)]), 4),
        "overlaps",
    )
    # The same word listed twice: its counts simply add up.
    yield Case(
        "duplicate_word_entries",
        (*_corpus([([0, 1, 2], 2), ([1, 2, 0], 3), ([0, 1, 2], 2)]), 3),
        "frequencies",
    )
    # Lone symbols between longer words stay as they are.
    yield Case(
        "length_one_words_mixed_in",
        (*_corpus([([2], 50), ([0, 1, 0, 1], 2), ([1], 7), ([1, 0], 3)]), 3),
        "word boundaries",
    )

    # Overlapping positions decide the winner: (7, 7) occurs 4 * 2 = 8 times, (2, 3) 6 times.
    yield Case("overlaps_decide_winner", (*_corpus([([7, 7, 7], 4), ([2, 3], 6)]), 8), "overlaps")
    # A run inside a longer word: [0, 4, 4, 4, 1] -> [0, 5, 4, 1].
    yield Case(
        "run_inside_word",
        (*_corpus([([0, 4, 4, 4, 1], 2), ([4, 4], 1), ([1, 0], 1)]), 5),
        "overlaps",
    )
    # (6, 5) comes first in the corpus, (0, 4) is smaller: both occur twice.
    yield Case(
        "tie_later_pair_smaller", (*_corpus([([6, 5], 2), ([0, 4], 2), ([3], 9)]), 7), "ties"
    )

    for i, (n_words, alphabet, max_len, max_freq) in enumerate(
        [
            (10, 4, 5, 5),
            (50, 6, 8, 20),
            (100, 10, 10, 100),
            (200, 5, 6, 3),
            (150, 12, 12, 50),
            (30, 3, 10, 1),
            (300, 8, 4, 10),
        ]
    ):
        words = []
        for _ in range(n_words):
            length = int(rng.integers(1, max_len + 1))
            words.append(
                (
                    rng.integers(0, alphabet, size=length).tolist(),
                    int(rng.integers(1, max_freq + 1)),
                )
            )
        yield Case(f"random_{i}", (*_corpus(words), alphabet), "random")


def _corpus(words):
    """Lay the words end to end: (symbols, lengths, freqs) as int64 arrays."""
    symbols = np.array([s for w, _ in words for s in w], np.int64)
    lengths = np.array([len(w) for w, _ in words], np.int64)
    freqs = np.array([f for _, f in words], np.int64)
    return symbols, lengths, freqs
