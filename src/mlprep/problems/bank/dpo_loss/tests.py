"""Hand-made cases first (the example, a policy equal to its reference, margins of +-1e4, one
pair, beta from 0.01 to 1, rejected answers the reference already disliked), then seeded random
batches of realistic sequence log-probabilities, and margins just past exp's overflow point."""

import numpy as np

from mlprep.problems import Case


def _f(values):
    return np.array(values, dtype=float)


def cases(rng):
    # The statement's example: margins 0.4 and -0.2.
    yield Case(
        "two_pairs",
        (_f([-10, -20]), _f([-14, -18]), _f([-11, -19]), _f([-11, -19])),
        "basic",
    )
    # The policy is still the reference: every margin is 0 and the loss is ln 2.
    logp = rng.normal(-50, 10, size=(2, 5))
    yield Case("policy_equals_reference", (logp[0], logp[1], logp[0], logp[1]), "zero margin")
    # beta = 0.1 and log-ratio differences of +-1e5: margins of +-1e4.
    yield Case("huge_margins", _with_margins(rng, [1e4, -1e4, 3.0, -9999.5], 0.1), "large margins")

    yield Case("single_pair", _with_margins(rng, [1.5], 0.1), "one pair")
    # Every margin -1e4: the loss is 1e4, and exp(1e4) overflows.
    yield Case("all_very_negative", _with_margins(rng, [-1e4] * 4, 0.1), "large margins")
    # Every margin +1e4: the loss is about 0 (e^-10000), not NaN.
    yield Case("all_very_positive", _with_margins(rng, [1e4] * 3, 0.1), "large margins")
    # Margins just past the point where exp(-m) overflows (m < -709.8).
    yield Case(
        "just_past_overflow", _with_margins(rng, [-710.0, -720.0, 5.0], 0.1), "large margins"
    )
    yield Case("moderate_negative", _with_margins(rng, [-30.0, -700.0, -0.5], 0.1), "large margins")
    # The same log-probabilities under different betas (the margin scales with beta).
    logp = tuple(rng.normal(-80, 15, size=(4, 6)))
    yield Case("beta_default", logp, "beta")
    yield Case("beta_small", (*logp, 0.01), "beta")
    yield Case("beta_half", (*logp, 0.5), "beta")
    yield Case("beta_one", (*logp, 1.0), "beta")
    # The reference already prefers the chosen answers by a lot; the policy by less: margins < 0
    # although the policy itself prefers the chosen answers.
    yield Case(
        "reference_matters",
        (_f([-20, -35, -12]), _f([-30, -40, -25]), _f([-10, -30, -5]), _f([-40, -60, -30]), 0.2),
        "reference",
    )

    # Random batches: (n, typical |log-probability|, spread of the policy's shift, beta).
    for i, (n, scale, shift, beta) in enumerate(
        [
            (4, 30, 5, 0.1),
            (16, 100, 20, 0.1),
            (64, 300, 50, 0.05),
            (256, 50, 10, 0.5),
            (1000, 200, 30, 0.1),
            (2000, 80, 100, 0.2),
        ]
    ):
        ref_c = -rng.gamma(4, scale / 4, size=n)
        ref_r = -rng.gamma(4, scale / 4, size=n)
        pol_c = ref_c + rng.normal(0, shift, size=n)
        pol_r = ref_r + rng.normal(0, shift, size=n)
        yield Case(f"random_{i}", (pol_c, pol_r, ref_c, ref_r, beta), "random")


def _with_margins(rng, margins, beta):
    """Four log-probability arrays whose DPO margins are the given ones: multiples of 1/8, so
    the log-ratio differences are exact and |margin| never creeps past 1e4 by rounding."""
    margins = np.asarray(margins, dtype=float)
    n = len(margins)
    ref_c, ref_r, pol_r = (np.round(-8 * rng.gamma(4, 20, size=n)) / 8 for _ in range(3))
    pol_c = ref_c + (pol_r - ref_r) + margins / beta
    return pol_c, pol_r, ref_c, ref_r, beta
