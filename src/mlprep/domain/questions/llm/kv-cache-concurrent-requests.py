"""Concurrent requests whose fp16 KV cache fits in the free GPU memory."""

import math


def answer() -> float:
    layers, heads, head_dim, bytes_fp16 = 32, 32, 128, 2  # as stated in the question
    free_bytes, tokens = 66e9, 4096
    per_token = 2 * layers * heads * head_dim * bytes_fp16
    return math.floor(free_bytes / (per_token * tokens))
