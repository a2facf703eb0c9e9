def dpo_loss(
    policy_chosen_logp, policy_rejected_logp, ref_chosen_logp, ref_rejected_logp, beta=0.1
):
    """Return the mean DPO loss (a float) over n preference pairs.

    Each argument is a float array (n,) of sequence log-probabilities; beta > 0.
    """
    loss = 0.0
    # Your code here (NumPy is available: import numpy as np).
    return loss
