"""Scales the adapter in the forward pass but merges the raw product A B into W."""


def lora_forward_and_merge(x, W, A, B, alpha):
    scale = alpha / A.shape[1]
    return x @ W + scale * (x @ A @ B), W + A @ B
