"""Memory bandwidth of unbatched exact dot-product retrieval, in TB/s."""


def answer() -> float:
    items, dim, bytes_fp32, qps = 10e6, 128, 4, 1000  # as stated in the question
    return items * dim * bytes_fp32 * qps / 1e12
