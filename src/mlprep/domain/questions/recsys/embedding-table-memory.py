"""Memory of an fp32 embedding table plus element-wise Adagrad state, in GB."""


def answer() -> float:
    rows, dim, bytes_fp32 = 200e6, 128, 4  # as stated in the question
    table = rows * dim * bytes_fp32
    return 2 * table / 1e9
