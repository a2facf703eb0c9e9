"""Bytes each GPU sends in a ring all-reduce of the gradients, in GB."""


def answer() -> float:
    n_gpus, n_params, bytes_per = 8, 7_000_000_000, 2  # as stated in the question
    return 2 * (n_gpus - 1) / n_gpus * n_params * bytes_per / 10**9
