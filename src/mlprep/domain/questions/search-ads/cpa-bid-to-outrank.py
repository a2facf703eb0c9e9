"""Minimum CPA bid for a conversion-bidding ad to match a CPC ad's eCPM."""


def answer() -> float:
    cpc_a, ctr_a, ctr_b, cvr_b = 1.20, 0.03, 0.02, 0.04  # as stated in the question
    ecpm_a = 1000 * ctr_a * cpc_a
    return ecpm_a / (1000 * ctr_b * cvr_b)
