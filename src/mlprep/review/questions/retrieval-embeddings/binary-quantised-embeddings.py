"""Size in GB of one-bit-per-dimension codes for an embedding index."""


def answer() -> float:
    n_vectors, dim, bits_per_byte = 50_000_000, 1024, 8  # as stated in the question
    return n_vectors * dim / bits_per_byte / 10**9
