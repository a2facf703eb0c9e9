"""Multiplies the loss by beta instead of the margin: -beta log sigmoid(diff)."""
import numpy as np


def dpo_loss(policy_chosen_logp, policy_rejected_logp, ref_chosen_logp, ref_rejected_logp, beta=0.1):
    diff = (policy_chosen_logp - ref_chosen_logp) - (policy_rejected_logp - ref_rejected_logp)
    return float(np.mean(beta * np.logaddexp(0.0, -diff)))
