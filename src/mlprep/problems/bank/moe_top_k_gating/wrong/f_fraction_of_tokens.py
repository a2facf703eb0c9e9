"""Divides the expert counts by N instead of N * k, so the f_e sum to k and the loss is k times too large."""
import numpy as np


def moe_top_k_gating(router_logits, k):
    z = router_logits - router_logits.max(axis=1, keepdims=True)
    probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    experts = np.argsort(-router_logits, axis=1, kind="stable")[:, :k]
    chosen = np.take_along_axis(probs, experts, axis=1)
    gates = chosen / chosen.sum(axis=1, keepdims=True)
    n, e = probs.shape
    f = np.bincount(experts.ravel(), minlength=e) / n
    return experts, gates, float(e * np.sum(f * probs.mean(axis=0)))
