"""Hand-made cases first (the example, stopping at and cutting before eos, ties, start equal to
eos, zero new tokens, eos as the first token, a one-token vocabulary), then seeded random tables
of multiples of 1/8 (frequent ties), some of which reach eos and some of which cycle forever."""

import numpy as np

from mlprep.problems import Case

EXAMPLE = np.array(
    [
        [0.0, 2.0, 1.0, 0.0],
        [0.0, 0.0, 3.0, 1.0],
        [1.0, 0.0, 0.0, 4.0],
        [0.0, 0.0, 0.0, 0.0],
    ]
)


def cases(rng):
    yield Case("reaches_eos", (EXAMPLE, 0, 3, 10), "basic")
    # Tokens 0 -> 1 -> 2 -> 1 -> 2 ... never reach eos = 3: only max_new_tokens stops it.
    cycle = np.array(
        [[0.0, 5.0, 0.0, 0.0], [0.0, 0.0, 5.0, 0.0], [0.0, 5.0, 0.0, 1.0], [1, 0, 0, 0]]
    )
    yield Case("cut_by_max_new_tokens", (cycle, 0, 3, 7), "max tokens")
    # Row 0 has its best score at tokens 1 and 3: the lower index, token 1, wins.
    ties = np.array(
        [[0.0, 2.0, 0.5, 2.0], [0.0, 0.0, 1.0, 1.0], [3.0, 0.0, 0.0, 3.0], [0, 0, 0, 0.0]]
    )
    yield Case("tie_goes_to_lower_index", (ties, 0, 3, 6), "ties")

    # The start token equals eos (BOS and EOS share an id): it is not checked, decoding goes on.
    yield Case("start_equals_eos", (EXAMPLE, 3, 3, 5), "start is eos")
    yield Case("eos_is_first_token", (EXAMPLE, 2, 3, 10), "eos first")
    yield Case("zero_new_tokens", (EXAMPLE, 0, 3, 0), "empty")
    yield Case("one_new_token", (EXAMPLE, 0, 3, 1), "max tokens")
    # Exactly enough room: eos is the max_new_tokens-th token and must be in the output.
    yield Case("eos_on_last_allowed_step", (EXAMPLE, 0, 3, 3), "max tokens")
    yield Case("one_token_vocabulary", (np.array([[-1.0]]), 0, 0, 4), "tiny")
    # All scores equal: every step picks token 0.
    yield Case("all_scores_equal", (np.zeros((5, 5)), 3, 4, 6), "ties")
    # Scores are column-dependent only; reading columns instead of rows gives another path.
    asym = np.array([[0.0, 1.0, 9.0], [9.0, 0.0, 1.0], [1.0, 9.0, 0.0]])
    yield Case("rows_not_columns", (asym, 0, 1, 5), "orientation")
    yield Case(
        "negative_scores", (-100.0 + rng.integers(0, 17, size=(6, 6)) / 8.0, 0, 5, 20), "signs"
    )

    for i, (v, max_new) in enumerate(
        [(5, 10), (8, 30), (10, 50), (20, 100), (30, 200), (50, 200), (12, 1), (40, 500)]
    ):
        table = rng.integers(-16, 17, size=(v, v)) / 8.0
        start, eos = (int(x) for x in rng.integers(0, v, size=2))
        while eos == int(np.argmax(table[start])):  # keep the first step from ending it all
            eos = int(rng.integers(0, v))
        yield Case(f"random_{i}", (table, start, eos, max_new), "random")
    # Random tables with a planted path to eos, so long outputs that do end in eos appear too.
    for i, v in enumerate([10, 25, 50]):
        table = rng.integers(-16, 17, size=(v, v)) / 8.0
        path = rng.permutation(v)
        table[path[:-1], path[1:]] = 3.0  # following the path beats every other score
        yield Case(f"random_path_to_eos_{i}", (table, int(path[0]), int(path[-1]), 100), "random")
