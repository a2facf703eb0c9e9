"""Active parameters per token of a top-2-of-8 MoE decoder with GQA, in billions."""


def answer() -> float:
    layers, width, kv_width, d_ff = 32, 4096, 1024, 14336  # as stated in the question
    experts, top_k, vocab = 8, 2, 32000
    attention = 2 * width * width + 2 * width * kv_width
    expert = 3 * width * d_ff
    assert experts >= top_k
    active = layers * (top_k * expert + attention) + 2 * vocab * width
    return active / 1e9
