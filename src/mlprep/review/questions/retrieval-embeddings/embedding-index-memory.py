"""Raw memory of a flat float32 embedding index in GB."""


def answer() -> float:
    n_docs, dim, bytes_per = 100_000_000, 768, 4  # as stated in the question
    return n_docs * dim * bytes_per / 10**9
