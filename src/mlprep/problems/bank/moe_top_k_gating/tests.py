"""Hand-made cases first (the example, ties between experts, k = 1 and k = E, a collapsed
router, a perfectly balanced one, huge logits), then seeded random routers: some with logits
in multiples of 1/8 (ties), some with a few popular experts, with k from 1 to 8."""

import numpy as np

from mlprep.problems import Case

EXAMPLE = np.array(
    [
        [2.0, 1.0, 0.0, -1.0],
        [0.0, 3.0, 1.0, 0.0],
        [1.0, 1.0, 2.0, 0.0],
        [0.5, 0.0, 0.0, 1.5],
    ]
)


def cases(rng):
    yield Case("four_tokens_top_two", (EXAMPLE, 2), "basic")
    # Token 0 has three experts tied for best and k = 2: experts 0 and 1 win, in that order.
    # Token 1 ties its second place between experts 0 and 3.
    ties = np.array([[1.0, 1.0, 1.0, 0.0], [0.5, 2.0, 0.0, 0.5], [0.0, 0.0, 0.0, 0.0]])
    yield Case("ties_go_to_lower_index", (ties, 2), "ties")
    # k = 1 (Switch routing): expert 1 gets two tokens, experts 0 and 2 one each, expert 3 none.
    switch = EXAMPLE.copy()
    switch[3] = [0.5, 2.5, 0.0, 1.5]
    yield Case("switch_top_one", (switch, 1), "k = 1")

    # k = E: every expert is chosen for every token, ordered by probability.
    yield Case("k_equals_n_experts", (EXAMPLE, 4), "k = E")
    # Every token strongly prefers expert 2: the loss is far above 1.
    collapsed = rng.normal(0, 0.5, size=(50, 6))
    collapsed[:, 2] += 6.0
    yield Case("collapsed_router", (collapsed, 2), "imbalance")
    # Uniform router: all probabilities are 1/E, ties send every token to experts 0..k-1.
    yield Case("uniform_router", (np.zeros((8, 5)), 3), "ties")
    # Token i prefers expert i mod E: the assignments are perfectly balanced.
    balanced = np.tile(np.eye(4) * 2.0, (3, 1))
    yield Case("balanced_router", (balanced, 1), "balance")
    yield Case(
        "huge_logits",
        (np.array([[1e4, -1e4, 9990.0], [-5000.0, -4990.0, -5010.0]]), 2),
        "large logits",
    )
    yield Case("single_token", (np.array([[0.25, -1.0, 3.0, 0.0, 1.0]]), 3), "tiny")
    yield Case("one_expert", (rng.normal(size=(6, 1)), 1), "tiny")

    for i, (n, n_experts, k, mode) in enumerate(
        [
            (10, 4, 2, "normal"),
            (64, 8, 2, "ties"),
            (200, 8, 1, "normal"),
            (500, 16, 4, "popular"),
            (2000, 8, 2, "normal"),
            (300, 50, 8, "ties"),
            (100, 32, 2, "popular"),
            (1000, 4, 3, "ties"),
            (150, 12, 1, "popular"),
        ]
    ):
        yield Case(f"random_{i}", (_logits(rng, n, n_experts, mode), k), "random")


def _logits(rng, n, n_experts, mode):
    if mode == "ties":  # multiples of 1/8 in [-2, 2]: exact, and often tied
        return rng.integers(-16, 17, size=(n, n_experts)) / 8.0
    z = rng.normal(0, 1.5, size=(n, n_experts))
    if mode == "popular":  # a few experts get a bonus: unbalanced routing
        z += rng.choice([0.0, 3.0], size=n_experts, p=[0.75, 0.25])
    return z
