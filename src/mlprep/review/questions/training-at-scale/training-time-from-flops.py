"""Training time in days from C = 6ND and the cluster's sustained throughput."""


def answer() -> float:
    n_params, tokens = 7 * 10**9, 2 * 10**12  # as stated in the question
    n_gpus, flops_per_gpu, seconds_per_day = 1024, 4 * 10**14, 86_400
    return 6 * n_params * tokens / (n_gpus * flops_per_gpu) / seconds_per_day
