"""Hand-made cases first (the example where greedy loses, ties across parents and at the first cut,
length 1, beam width 1 and wider than the vocabulary, one parent taking every slot), then seeded
random lattices: small-integer and eighth-valued scores full of ties, unnormalised and offset
scores, and vocabularies up to 50 tokens over up to 20 steps."""

import numpy as np

from mlprep.problems import Case


def _f(rows):
    return np.array(rows, dtype=float)


def cases(rng):
    # The statement's example: greedy takes token 0 first and ends at -3; width 2 finds -1.25.
    start = _f([-0.5, -1.0, -2.0])
    trans = _f([[-3.0, -2.5, -3.0], [-0.25, -0.5, -3.0], [-1.0, -1.0, -1.0]])
    yield Case("greedy_is_not_best", (start, trans, 2, 2), "basic")
    # (1, 0) and (0, 0) both score -1; (0, 0) is lexicographically smaller, so it is returned,
    # although its parent (0,) ranked below (1,) after the first step.
    yield Case(
        "tie_keeps_smaller_sequence",
        (_f([-1.0, 0.0]), _f([[0.0, -3.0], [-1.0, -2.0]]), 2, 2),
        "ties",
    )
    # The picture's toy lattice.
    yield Case("toy_lattice", (rng.normal(0, 1, 8), rng.normal(0, 1, (8, 8)), 8, 3), "toy data")

    # length 1: the best first token; tokens 1 and 2 tie, 1 is kept.
    yield Case("length_one_tie", (_f([-1.0, 0.0, 0.0, -2.0]), np.zeros((4, 4)), 1, 2), "ties")
    # Tokens 0, 2 and 3 tie for the second slot after step 1: token 0 is kept, and token 3,
    # which would lead to the best sequence, is pruned.
    trans = np.full((4, 4), -2.0)
    trans[3, 0] = 0.0
    yield Case("first_cut_tie", (_f([-1.0, 0.0, -1.0, -1.0]), trans, 2, 2), "ties")
    # After step 2, (1, 3) leads and (0, 2), (1, 2) tie for the second place: (0, 2) is kept
    # (lexicographically smaller) although its parent (0,) ranked below (1,); it wins at the end.
    start = _f([-1.0, 0.0, -5.0, -5.0])
    trans = _f([[-5, -5, -1, -5], [-5, -5, -2, -0.5], [0, 0, 0, 0], [-5, -5, -5, -5]])
    yield Case("tie_at_the_cut_across_parents", (start, trans, 3, 2), "ties")
    # Both survivors of step 2 come from parent (0,): (1,) must lose its place.
    start = _f([0.0, -10.0, -20.0])
    trans = _f([[-1.0, -1.5, -9.0], [0.0, 0.0, 0.0], [-5.0, -5.0, -5.0]])
    yield Case("one_parent_takes_both_slots", (start, trans, 3, 2), "global pruning")
    yield Case(
        "beam_width_one_is_greedy",
        (rng.normal(0, 1, 6), rng.normal(0, 1, (6, 6)), 5, 1),
        "width 1",
    )
    # Fewer candidates than the width: every sequence is kept until the last step.
    yield Case(
        "beam_wider_than_vocabulary",
        (rng.normal(0, 1, 3), rng.normal(0, 1, (3, 3)), 4, 10),
        "wide beam",
    )
    # Width 64 >= 4^3: beam search is exhaustive and returns the best of all 64 sequences.
    yield Case(
        "exhaustive_beam", (rng.normal(0, 1, 4), rng.normal(0, 1, (4, 4)), 3, 64), "wide beam"
    )

    # Small integers and eighths: exact sums, ties everywhere, including across parents.
    for i, (V, length, width) in enumerate([(3, 4, 2), (5, 6, 3), (6, 8, 4), (8, 10, 3)]):
        start = rng.integers(-3, 1, size=V).astype(float)
        trans = rng.integers(-3, 1, size=(V, V)).astype(float)
        yield Case(f"integer_ties_{i}", (start, trans, length, width), "ties")
    for i, (V, length, width) in enumerate([(4, 5, 2), (7, 9, 5)]):
        start = rng.integers(-16, 1, size=V) / 8.0
        trans = rng.integers(-16, 1, size=(V, V)) / 8.0
        yield Case(f"eighths_ties_{i}", (start, trans, length, width), "ties")
    # Scores need not be log-probabilities: positive and far-offset ones.
    yield Case(
        "positive_scores", (rng.normal(2, 1, 7), rng.normal(2, 1, (7, 7)), 6, 3), "unnormalised"
    )
    yield Case(
        "large_offset_scores",
        (-1000.0 + rng.normal(0, 1, 9), -1000.0 + rng.normal(0, 1, (9, 9)), 7, 4),
        "unnormalised",
    )
    # Log-probabilities of random distributions: (V, length, beam width).
    for i, (V, length, width) in enumerate(
        [(10, 5, 3), (20, 10, 4), (50, 8, 5), (30, 20, 8), (50, 15, 2), (5, 12, 6)]
    ):
        start = _log_softmax(rng.normal(0, 2, V))
        trans = _log_softmax(rng.normal(0, 2, (V, V)))
        yield Case(f"random_{i}", (start, trans, length, width), "random")


def _log_softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
