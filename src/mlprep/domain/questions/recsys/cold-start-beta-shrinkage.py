"""Posterior mean CTR under a Beta prior after observed clicks and impressions."""


def answer() -> float:
    alpha, beta, clicks, impressions = 2, 98, 3, 20  # as stated in the question
    return (alpha + clicks) / (alpha + beta + impressions)
