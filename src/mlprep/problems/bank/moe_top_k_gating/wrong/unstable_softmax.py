"""Exponentiates the raw router logits without subtracting the row maximum."""
import numpy as np


def moe_top_k_gating(router_logits, k):
    ez = np.exp(router_logits)
    probs = ez / ez.sum(axis=1, keepdims=True)
    experts = np.argsort(-router_logits, axis=1, kind="stable")[:, :k]
    chosen = np.take_along_axis(probs, experts, axis=1)
    gates = chosen / chosen.sum(axis=1, keepdims=True)
    n, e = probs.shape
    f = np.bincount(experts.ravel(), minlength=e) / (n * k)
    return experts, gates, float(e * np.sum(f * probs.mean(axis=0)))
