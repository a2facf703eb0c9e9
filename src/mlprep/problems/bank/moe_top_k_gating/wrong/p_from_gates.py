"""Takes P_e as the mean of the renormalised top-k gates instead of the full router probabilities."""
import numpy as np


def moe_top_k_gating(router_logits, k):
    z = router_logits - router_logits.max(axis=1, keepdims=True)
    probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    experts = np.argsort(-router_logits, axis=1, kind="stable")[:, :k]
    chosen = np.take_along_axis(probs, experts, axis=1)
    gates = chosen / chosen.sum(axis=1, keepdims=True)
    n, e = probs.shape
    dense = np.zeros_like(probs)
    np.put_along_axis(dense, experts, gates, axis=1)
    f = np.bincount(experts.ravel(), minlength=e) / (n * k)
    return experts, gates, float(e * np.sum(f * dense.mean(axis=0)))
