"""Returns the raw router probabilities of the chosen experts as gates, without renormalising them."""
import numpy as np


def moe_top_k_gating(router_logits, k):
    z = router_logits - router_logits.max(axis=1, keepdims=True)
    probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    experts = np.argsort(-router_logits, axis=1, kind="stable")[:, :k]
    gates = np.take_along_axis(probs, experts, axis=1)
    n, e = probs.shape
    f = np.bincount(experts.ravel(), minlength=e) / (n * k)
    return experts, gates, float(e * np.sum(f * probs.mean(axis=0)))
