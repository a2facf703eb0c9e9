"""Trainable LoRA parameters on the four attention projections of every layer."""


def answer() -> float:
    rank, n_layers, d_model, n_matrices = 16, 32, 4096, 4  # as stated: query, key, value, output
    per_matrix = rank * (d_model + d_model)
    return n_layers * n_matrices * per_matrix
