"""Bits per byte from nats per token and bytes per token."""

import math


def answer() -> float:
    nats_per_token, bytes_per_token = 2.2, 4.0  # as stated in the question
    return nats_per_token / bytes_per_token / math.log(2)
