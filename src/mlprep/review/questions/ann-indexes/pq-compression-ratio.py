"""Compression factor of product quantisation with one-byte sub-quantiser codes."""


def answer() -> float:
    dim, bytes_per, n_sub, bits = 1024, 4, 64, 8  # as stated in the question
    return dim * bytes_per / (n_sub * bits / 8)
