"""Sums the per-pair losses instead of averaging them."""
import numpy as np


def dpo_loss(policy_chosen_logp, policy_rejected_logp, ref_chosen_logp, ref_rejected_logp, beta=0.1):
    margin = beta * (
        (policy_chosen_logp - ref_chosen_logp) - (policy_rejected_logp - ref_rejected_logp)
    )
    return float(np.sum(np.logaddexp(0.0, -margin)))
