"""Wall-clock days to train with C = 6ND at a given GPU count, peak and MFU."""


def answer() -> float:
    n_params, tokens = 7e9, 2e12  # as stated in the question
    gpus, peak_tflops, mfu_percent = 1024, 989, 40
    compute = 6 * n_params * tokens
    seconds = compute / (gpus * peak_tflops * 1e12 * mfu_percent / 100)
    return seconds / 86400
