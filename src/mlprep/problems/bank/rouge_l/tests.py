"""Hand-made cases first (the example, a subsequence with gaps, reordered words, beta above and
below 1, empty and disjoint token lists, repeats, integer tokens), then seeded pairs where the
candidate is an edited copy of the reference, over small vocabularies so that the longest common
subsequence is far from both the longest common substring and the unigram overlap."""

from mlprep.problems import Case


def _split(text):
    return text.split()


def _edited(rng, tokens, vocab, p_drop, p_swap, p_insert):
    out = []
    for token in tokens:
        roll = rng.random()
        if roll < p_drop:
            continue
        out.append(vocab[rng.integers(len(vocab))] if roll < p_drop + p_swap else token)
        if rng.random() < p_insert:
            out.append(vocab[rng.integers(len(vocab))])
    return out


def cases(rng):
    yield Case(
        "police_kill",
        (_split("police kill the gunman"), _split("police killed the gunman")),
        "basic",
    )
    # Recall weighted four times as much as precision (beta = 2).
    yield Case(
        "beta_two",
        (_split("the cat was found under the bed"), _split("the cat was under the bed"), 2.0),
        "beta",
    )
    # Three words in common, but only "the gunman" keeps its order.
    yield Case(
        "reordered_words",
        (_split("the gunman kill police"), _split("police killed the gunman")),
        "order",
    )
    yield Case("reversed", (list("edcba"), list("abcde")), "order")
    # The common subsequence has gaps everywhere: no common substring is longer than 1.
    yield Case(
        "subsequence_with_gaps",
        (_split("a x b y c z d"), _split("a b q c r d s")),
        "subsequence",
    )
    yield Case(
        "beta_below_one",
        (_split("a b c d e f"), _split("a c e g"), 0.5),
        "beta",
    )
    yield Case(
        "large_beta",
        (_split("we saw a very very big red dog today"), _split("a big dog"), 8.0),
        "beta",
    )
    yield Case("empty_candidate", ([], _split("some reference")), "empty")
    yield Case("empty_reference", (_split("some candidate"), []), "empty")
    yield Case("both_empty", ([], []), "empty")
    yield Case("no_common_token", (_split("x y z"), _split("a b c d")), "disjoint")
    yield Case("identical", (_split("to be or not to be"), _split("to be or not to be")), "basic")
    # Repeats: the candidate has "a" four times, the reference twice.
    yield Case("repeated_tokens", (_split("a a a a b"), _split("b a b a")), "repeats")
    yield Case(
        "integer_tokens",
        ([3, 1, 4, 1, 5, 9, 2, 6], [1, 4, 1, 5, 2, 6, 5, 3], 1.2),
        "integer tokens",
    )

    vocab_small = [f"w{i}" for i in range(5)]
    vocab_large = [f"w{i}" for i in range(40)]
    for i, (n, vocab, edits, beta) in enumerate(
        [
            (10, vocab_small, (0.2, 0.2, 0.2), 1.0),
            (40, vocab_small, (0.3, 0.2, 0.3), 1.2),
            (120, vocab_large, (0.1, 0.1, 0.1), 1.0),
            (300, vocab_large, (0.3, 0.3, 0.3), 2.0),
            (250, vocab_small, (0.05, 0.1, 0.5), 0.7),
        ]
    ):
        reference = [vocab[j] for j in rng.integers(len(vocab), size=n)]
        candidate = _edited(rng, reference, vocab, *edits)
        yield Case(f"random_edited_{i}", (candidate, reference, beta), "random")
    # Independent sequences of different lengths over 3 symbols: a long LCS by chance alone.
    a = [int(t) for t in rng.integers(3, size=200)]
    b = [int(t) for t in rng.integers(3, size=90)]
    yield Case("random_independent_integers", (a, b, 1.5), "integer tokens")
