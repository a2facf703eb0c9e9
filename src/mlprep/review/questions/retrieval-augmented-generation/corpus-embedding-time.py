"""GPU-hours to embed a corpus at a given encoder throughput."""


def answer() -> float:
    n_chunks, tokens_each, tokens_per_s = 2_000_000, 400, 20_000  # as stated in the question
    seconds_per_hour = 3600
    return n_chunks * tokens_each / tokens_per_s / seconds_per_hour
