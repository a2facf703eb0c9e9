"""Number of rejections by the Benjamini-Hochberg step-up procedure."""


def answer() -> float:
    p_values = [0.001, 0.008, 0.012, 0.030, 0.040, 0.20, 0.35, 0.50, 0.70, 0.90]  # as stated
    q = 0.05
    m = len(p_values)
    ranked = sorted(p_values)
    passing = [k for k in range(1, m + 1) if ranked[k - 1] <= k * q / m]
    return max(passing, default=0)
