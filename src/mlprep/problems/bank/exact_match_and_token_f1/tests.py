"""Hand-made cases first (the example, repeated tokens, word order, several references, empty
answers, case and punctuation kept as given, integer tokens), then seeded questions whose
predictions are edited copies of a reference: string tokens from a small vocabulary, so repeats
and partial overlaps are common."""

from mlprep.problems import Case

WORDS = ["the", "a", "cat", "dog", "sat", "on", "mat", "in", "park", "Paris", "paris", ",", "."]


def _edited(rng, tokens, vocab):
    """A prediction made from a reference: some tokens dropped, replaced or added."""
    out = []
    for token in tokens:
        roll = rng.random()
        if roll < 0.15:
            continue
        out.append(vocab[rng.integers(len(vocab))] if roll < 0.3 else token)
    while rng.random() < 0.3:
        out.insert(int(rng.integers(len(out) + 1)), vocab[rng.integers(len(vocab))])
    return out


def _dataset(rng, n, vocab, max_len, max_refs, exact_share):
    predictions, references = [], []
    for _ in range(n):
        answers = [
            [vocab[i] for i in rng.integers(len(vocab), size=rng.integers(0, max_len + 1))]
            for _ in range(rng.integers(1, max_refs + 1))
        ]
        source = answers[rng.integers(len(answers))]
        prediction = list(source) if rng.random() < exact_share else _edited(rng, source, vocab)
        predictions.append(prediction)
        references.append(answers)
    return predictions, references


def cases(rng):
    # The statement's example.
    yield Case(
        "three_questions",
        (
            [["the", "cat", "sat"], ["Paris"], ["in", "the", "the", "park"]],
            [
                [["the", "cat", "sat"]],
                [["paris"], ["Paris", "France"]],
                [["the", "park"], ["a", "park"]],
            ],
        ),
        "basic",
    )
    # A repeated token counts only as often as it appears in the reference (and vice versa).
    yield Case(
        "repeated_tokens",
        (
            [["the", "the", "the"], ["a", "a", "b"], ["x", "y"]],
            [[["the", "cat"]], [["a", "a", "c"]], [["x", "x", "x", "y"]]],
        ),
        "multiset",
    )
    # Unanswerable questions: an empty prediction matches an empty reference exactly.
    yield Case(
        "empty_answers",
        ([[], [], ["no"], ["a"]], [[[]], [["yes"]], [[]], [[], ["a"]]]),
        "empty",
    )
    # Same tokens in another order: F1 is 1 but it is not an exact match.
    yield Case(
        "word_order",
        ([["b", "a"], ["new", "york", "city"]], [[["a", "b"]], [["city", "new", "york"]]]),
        "order",
    )
    # The best exact match and the best F1 come from different references.
    yield Case(
        "best_reference_per_score",
        (
            [["red", "car"], ["big", "red", "car"]],
            [
                [["car"], ["red", "car"], ["red", "fast", "car"]],
                [["a", "big", "red", "car", "here"], ["big", "red", "car", "!"], ["bus"]],
            ],
        ),
        "several references",
    )
    # Tokens are compared exactly: no lower-casing, no punctuation stripping.
    yield Case(
        "no_normalisation",
        (
            [["Paris"], ["the", "end", "."], ["The", "Cat"]],
            [[["paris"]], [["the", "end"]], [["the", "cat"]]],
        ),
        "exact tokens",
    )
    yield Case(
        "integer_tokens",
        (
            [[5, 7, 7, 2], [1], [3, 3]],
            [[[7, 5, 2, 7], [5, 7, 7, 2]], [[1, 1]], [[3], [4, 3, 3, 4]]],
        ),
        "integer tokens",
    )
    yield Case("single_question_no_overlap", ([["x", "y"]], [[["z"]]]), "tiny")
    yield Case("single_exact_match", ([["42"]], [[["41"], ["42"], ["43"]]]), "tiny")

    for i, (n, max_len, max_refs, exact_share) in enumerate(
        [(10, 5, 2, 0.3), (50, 8, 3, 0.2), (200, 12, 4, 0.1), (500, 6, 5, 0.25)]
    ):
        yield Case(f"random_{i}", _dataset(rng, n, WORDS, max_len, max_refs, exact_share), "random")
    # Integer tokens from a tiny vocabulary: long answers with many repeats.
    ints = list(range(4))
    yield Case("random_integer_tokens", _dataset(rng, 100, ints, 15, 3, 0.1), "integer tokens")
