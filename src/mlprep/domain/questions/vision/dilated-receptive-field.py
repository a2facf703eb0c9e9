"""Receptive field of stacked stride-1 3x3 convolutions with given dilations."""


def answer() -> float:
    kernel, dilations = 3, [1, 2, 4]  # as stated in the question
    return 1 + sum((kernel - 1) * d for d in dilations)
