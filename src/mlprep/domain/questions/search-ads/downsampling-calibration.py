"""Recalibrate a probability predicted by a model trained with negative downsampling."""


def answer() -> float:
    p_sampled, rate = 0.2, 0.05  # as stated in the question
    return p_sampled / (p_sampled + (1 - p_sampled) / rate)
