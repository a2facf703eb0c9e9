"""Forgets beta: the margin is the raw difference of log-ratios."""
import numpy as np


def dpo_loss(policy_chosen_logp, policy_rejected_logp, ref_chosen_logp, ref_rejected_logp, beta=0.1):
    margin = (policy_chosen_logp - ref_chosen_logp) - (policy_rejected_logp - ref_rejected_logp)
    return float(np.mean(np.logaddexp(0.0, -margin)))
