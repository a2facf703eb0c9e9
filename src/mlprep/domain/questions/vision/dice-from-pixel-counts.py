"""Dice coefficient from predicted, true and overlapping pixel counts."""


def answer() -> float:
    predicted, truth, overlap = 800, 1000, 600  # as stated in the question
    return 2 * overlap / (predicted + truth)
