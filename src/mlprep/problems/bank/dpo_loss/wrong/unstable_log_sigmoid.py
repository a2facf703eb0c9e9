"""Computes -log(1 / (1 + exp(-m))) directly: exp overflows for margins below about -709, giving inf."""
import numpy as np


def dpo_loss(policy_chosen_logp, policy_rejected_logp, ref_chosen_logp, ref_rejected_logp, beta=0.1):
    margin = beta * (
        (policy_chosen_logp - ref_chosen_logp) - (policy_rejected_logp - ref_rejected_logp)
    )
    with np.errstate(over="ignore", divide="ignore"):
        return float(np.mean(-np.log(1.0 / (1.0 + np.exp(-margin)))))
