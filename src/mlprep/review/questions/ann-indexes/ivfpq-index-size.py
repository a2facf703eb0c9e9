"""Memory of an IVF-PQ index: codes, ids, coarse centroids and PQ codebooks, in GB."""


def answer() -> float:
    n, dim, code_bytes, id_bytes = 1_000_000_000, 768, 32, 8  # as stated in the question
    nlist, n_sub, n_centroids, float_bytes = 262_144, 32, 256, 4
    codes = n * (code_bytes + id_bytes)
    coarse = nlist * dim * float_bytes
    codebooks = n_sub * n_centroids * (dim // n_sub) * float_bytes
    return (codes + coarse + codebooks) / 10**9
