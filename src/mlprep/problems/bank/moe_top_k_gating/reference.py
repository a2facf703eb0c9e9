import numpy as np


def moe_top_k_gating(router_logits, k):
    z = np.asarray(router_logits, dtype=float)
    n, n_experts = z.shape
    e = np.exp(z - z.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)  # (N, E) router probabilities
    # Best first; the stable sort keeps equal logits in index order (lower index first).
    experts = np.argsort(-z, axis=1, kind="stable")[:, :k]
    chosen = np.take_along_axis(probs, experts, axis=1)
    gates = chosen / chosen.sum(axis=1, keepdims=True)  # renormalised over the k chosen
    counts = np.bincount(experts.ravel(), minlength=n_experts)
    f = counts / (n * k)  # fraction of the N * k assignments that went to each expert
    p = probs.mean(axis=0)  # mean router probability of each expert
    aux_loss = float(n_experts * np.sum(f * p))
    return experts.astype(np.int64), gates, aux_loss
