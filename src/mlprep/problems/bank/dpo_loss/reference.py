import numpy as np


def dpo_loss(
    policy_chosen_logp, policy_rejected_logp, ref_chosen_logp, ref_rejected_logp, beta=0.1
):
    chosen = np.asarray(policy_chosen_logp, dtype=float) - np.asarray(ref_chosen_logp, dtype=float)
    rejected = np.asarray(policy_rejected_logp, dtype=float) - np.asarray(
        ref_rejected_logp, dtype=float
    )
    margin = beta * (chosen - rejected)
    # -log sigmoid(m) = log(1 + e^(-m)) = logaddexp(0, -m): no overflow for any finite m.
    return float(np.mean(np.logaddexp(0.0, -margin)))
