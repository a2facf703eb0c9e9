"""Perplexity as the exponential of the mean cross-entropy in nats."""

import math


def answer() -> float:
    cross_entropy_nats = 2.3  # as stated in the question
    return math.exp(cross_entropy_nats)
