"""Memory of per-layer input checkpoints in GB."""


def answer() -> float:
    n_layers, hidden, bytes_per, batch, seq = 32, 4096, 2, 8, 4096  # as stated in the question
    return n_layers * batch * seq * hidden * bytes_per / 10**9
