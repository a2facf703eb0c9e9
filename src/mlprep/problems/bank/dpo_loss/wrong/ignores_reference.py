"""Leaves out the reference model: margin = beta (policy_chosen - policy_rejected)."""
import numpy as np


def dpo_loss(policy_chosen_logp, policy_rejected_logp, ref_chosen_logp, ref_rejected_logp, beta=0.1):
    margin = beta * (policy_chosen_logp - policy_rejected_logp)
    return float(np.mean(np.logaddexp(0.0, -margin)))
