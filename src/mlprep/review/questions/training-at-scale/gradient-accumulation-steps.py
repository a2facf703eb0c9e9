"""Gradient-accumulation steps to reach a global batch in tokens."""


def answer() -> float:
    global_tokens, seq_len, n_gpus, micro = 4_194_304, 4096, 64, 4  # as stated in the question
    return global_tokens / (seq_len * n_gpus * micro)
