"""Average number of database vectors scanned per IVF query."""


def answer() -> float:
    n, nlist, nprobe = 100_000_000, 65_536, 32  # as stated in the question
    return n * nprobe / nlist
