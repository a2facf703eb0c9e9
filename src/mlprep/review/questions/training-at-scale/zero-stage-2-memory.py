"""Per-GPU model-state memory under ZeRO stage 2, in GB."""


def answer() -> float:
    n_params, n_gpus, half, full = 7_000_000_000, 8, 2, 4  # as stated in the question
    replicated = n_params * half  # 16-bit weights on every GPU
    sharded = n_params * (half + full + full + full) / n_gpus  # gradients, master, two moments
    return (replicated + sharded) / 10**9
