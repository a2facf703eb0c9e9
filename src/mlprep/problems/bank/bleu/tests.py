"""Hand-made cases first (the example, clipping, several references, corpus pooling, the closest
reference length and its tie rule, an empty precision, short candidates, max_n), then seeded
corpora whose candidates and extra references are edited copies of a base sentence."""

from mlprep.problems import Case


def _s(text):
    return text.split()


def _edited(rng, tokens, vocab, rate):
    out = []
    for token in tokens:
        roll = rng.random()
        if roll < rate / 3:
            continue
        out.append(vocab[rng.integers(len(vocab))] if roll < rate else token)
        if rng.random() < rate / 3:
            out.append(vocab[rng.integers(len(vocab))])
    return out


def _corpus(rng, n_segments, vocab, lengths, max_refs, rate):
    candidates, references = [], []
    for _ in range(n_segments):
        base = [vocab[i] for i in rng.integers(len(vocab), size=rng.integers(*lengths))]
        refs = [base] + [_edited(rng, base, vocab, rate) for _ in range(rng.integers(max_refs))]
        candidates.append(_edited(rng, base, vocab, rate))
        references.append(refs)
    return candidates, references


def cases(rng):
    # The statement's example: two segments, a brevity penalty below 1.
    yield Case(
        "two_segments",
        (
            [_s("the cat sat on the mat"), _s("it is a nice day")],
            [
                [_s("the cat sat on a mat"), _s("there is a cat on the mat")],
                [_s("it is a nice day today"), _s("today is a very nice day")],
            ],
        ),
        "basic",
    )
    # Papineni et al.'s clipping example: "the" counts at most twice (its count in one reference).
    yield Case(
        "clipping",
        (
            [_s("the the the the the the the")],
            [[_s("the cat is on the mat"), _s("there is a cat on the mat")]],
            1,
        ),
        "clipping",
    )
    # No 4-gram in common: no smoothing, so the score is exactly 0 (the precisions are not).
    yield Case(
        "zero_four_gram_precision",
        (
            [_s("the cat sat on the mat")],
            [[_s("the cat is on the mat"), _s("there is a cat on the mat")]],
        ),
        "no smoothing",
    )
    # "a" appears twice in each reference but four times in their union: clip by one reference.
    yield Case(
        "clip_by_single_reference",
        (
            [_s("a a a a b")],
            [[_s("a b a c"), _s("c a d a")]],
            2,
        ),
        "clipping",
    )
    # Candidate of 5 tokens, references of 4 and 6: equally close, the shorter (4) is used.
    yield Case(
        "closest_length_tie_takes_shorter",
        ([_s("w x y z v")], [[_s("w x y z"), _s("w x y z v u")]], 2),
        "brevity penalty",
    )
    # Candidate of 9 tokens; the closest reference has 11 tokens, the shortest only 3.
    yield Case(
        "closest_not_shortest",
        (
            [_s("a b c d e f g h i")],
            [[_s("a b c"), _s("a b c d e f g h i j k"), _s("a b c d e f g h i j k l m n o p")]],
            3,
        ),
        "brevity penalty",
    )
    # Lengths and matches pool over the corpus: a short and a long segment, precisions differ.
    yield Case(
        "corpus_pooling",
        (
            [_s("a b c d"), _s("p q r s t u v w x y")],
            [[_s("a b c d")], [_s("p q z s t u v z x y")]],
            2,
        ),
        "corpus",
    )
    # The second candidate is too short to have any 3-gram; only the pooled totals count.
    yield Case(
        "segment_shorter_than_n",
        (
            [_s("one two three four five"), _s("six seven")],
            [[_s("one two three four five")], [_s("six seven eight")]],
            3,
        ),
        "short candidate",
    )
    # Every candidate is shorter than 4 tokens: no 4-grams at all, so p4 = 0 and BLEU = 0.
    yield Case(
        "all_candidates_too_short",
        ([_s("a b c"), _s("d e")], [[_s("a b c")], [_s("d e")]]),
        "short candidate",
    )
    yield Case(
        "identical_texts",
        (
            [_s("to be or not to be that is the question")],
            [[_s("to be or not to be that is the question")]],
        ),
        "perfect",
    )
    yield Case("empty_candidate", ([[]], [[_s("a b c")]], 2), "empty")
    yield Case(
        "candidate_longer_than_references",
        ([_s("a b c d e f g h")], [[_s("a b c d e"), _s("b c d e f")]], 2),
        "brevity penalty",
    )
    yield Case(
        "integer_tokens",
        (
            [[1, 2, 3, 4, 5, 6], [7, 8, 7, 8, 9]],
            [[[1, 2, 3, 4, 6, 5], [2, 3, 4, 5, 6, 1, 1]], [[7, 8, 9], [8, 7, 8, 9, 9, 9]]],
        ),
        "integer tokens",
    )

    vocab = [f"w{i}" for i in range(30)]
    for i, (n_segments, lengths, max_refs, rate, max_n) in enumerate(
        [
            (5, (6, 15), 2, 0.15, 4),
            (30, (5, 25), 4, 0.2, 4),
            (100, (3, 12), 3, 0.3, 4),
            (60, (8, 20), 1, 0.1, 4),
            (40, (4, 10), 3, 0.4, 2),
        ]
    ):
        yield Case(
            f"random_corpus_{i}",
            (*_corpus(rng, n_segments, vocab, lengths, max_refs, rate), max_n),
            "random",
        )
    # A tiny vocabulary: many repeated n-grams, so clipping matters everywhere.
    small = ["x", "y", "z"]
    yield Case(
        "random_small_vocabulary", (*_corpus(rng, 20, small, (5, 15), 3, 0.3), 4), "clipping"
    )
