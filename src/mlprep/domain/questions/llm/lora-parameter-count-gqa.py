"""Trainable LoRA parameters on q, k, v, o projections of a GQA model, in millions."""


def answer() -> float:
    rank, layers, width, kv_width = 16, 32, 4096, 1024  # as stated in the question
    q_and_o = 2 * rank * (width + width)
    k_and_v = 2 * rank * (width + kv_width)
    return layers * (q_and_o + k_and_v) / 1e6
