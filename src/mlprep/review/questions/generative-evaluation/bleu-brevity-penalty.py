"""BLEU brevity penalty for a candidate shorter than its reference."""

import math


def answer() -> float:
    c, r = 18, 20  # candidate and reference lengths, as stated in the question
    return math.exp(1 - r / c) if c < r else 1.0
