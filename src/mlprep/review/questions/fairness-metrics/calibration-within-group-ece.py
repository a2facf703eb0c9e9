"""Count-weighted expected calibration error over score bins for one group."""


def answer() -> float:
    counts = [100, 200, 100]  # as stated in the question
    mean_scores = [0.2, 0.5, 0.8]
    outcome_rates = [25 / 100, 40 / 100, 70 / 100]
    gaps = [abs(s - r) * n for n, s, r in zip(counts, mean_scores, outcome_rates, strict=True)]
    return sum(gaps) / sum(counts)
