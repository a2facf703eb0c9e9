"""Model FLOPs utilisation from throughput, parameter count and peak FLOP/s."""


def answer() -> float:
    n_params, tokens_per_s, n_gpus, peak = 1.3 * 10**10, 1_300_000, 256, 9.89 * 10**14  # as stated
    return 6 * n_params * tokens_per_s / (n_gpus * peak)
