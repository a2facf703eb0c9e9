"""Memory of an HNSW index: raw float32 vectors plus base-layer neighbour lists, in GB."""


def answer() -> float:
    n, dim, bytes_per, m, id_bytes = 10_000_000, 768, 4, 32, 4  # as stated in the question
    return n * (dim * bytes_per + 2 * m * id_bytes) / 10**9
