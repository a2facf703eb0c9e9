"""Idle (bubble) fraction of a synchronous pipeline schedule."""


def answer() -> float:
    p, m = 8, 32  # stages and micro-batches, as stated in the question
    return (p - 1) / (m + p - 1)
