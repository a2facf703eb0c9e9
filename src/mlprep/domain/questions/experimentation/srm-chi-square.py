"""Chi-square statistic for a 50/50 split."""


def answer() -> float:
    control, treatment = 50_600, 49_400  # as stated in the question (designed 50/50)
    expected = (control + treatment) / 2
    return sum((obs - expected) ** 2 / expected for obs in (control, treatment))
