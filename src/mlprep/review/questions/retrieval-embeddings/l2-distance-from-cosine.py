"""Euclidean distance between two unit vectors from their cosine similarity."""

import math


def answer() -> float:
    cosine = 0.8  # as stated in the question
    return math.sqrt(2 - 2 * cosine)
