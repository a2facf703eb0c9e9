"""DPO loss for one preference pair from policy and reference log-probabilities."""

import math


def answer() -> float:
    pol_chosen, pol_rejected, ref_chosen, ref_rejected, beta = -40, -50, -42, -47, 0.1  # as stated
    margin = beta * ((pol_chosen - ref_chosen) - (pol_rejected - ref_rejected))
    return math.log(1 + math.exp(-margin))
