"""Scales the adapter by alpha instead of alpha / r."""


def lora_forward_and_merge(x, W, A, B, alpha):
    y = x @ W + alpha * (x @ A @ B)
    return y, W + alpha * (A @ B)
