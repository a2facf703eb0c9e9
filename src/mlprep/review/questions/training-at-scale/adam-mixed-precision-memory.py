"""Model-state memory of mixed-precision Adam training in GB: 16 bytes per parameter."""


def answer() -> float:
    n_params, half, full = 7_000_000_000, 2, 4  # as stated: 16-bit = 2 bytes, fp32 = 4 bytes
    bytes_per_param = half + half + full + full + full  # weights, grads, master, Adam m, Adam v
    return n_params * bytes_per_param / 10**9
