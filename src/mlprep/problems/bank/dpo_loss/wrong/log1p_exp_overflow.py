"""Uses log1p(exp(-m)), accurate for small exponents but inf once exp(-m) overflows (m below about -709)."""
import numpy as np


def dpo_loss(policy_chosen_logp, policy_rejected_logp, ref_chosen_logp, ref_rejected_logp, beta=0.1):
    margin = beta * (
        (policy_chosen_logp - ref_chosen_logp) - (policy_rejected_logp - ref_rejected_logp)
    )
    with np.errstate(over="ignore"):
        return float(np.mean(np.log1p(np.exp(-margin))))
