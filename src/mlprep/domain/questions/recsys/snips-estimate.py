"""SNIPS estimate from logged (reward, target prob, logging prob) rows."""


def answer() -> float:
    rows = [(1, 0.8, 0.4), (0, 0.5, 0.5), (1, 0.1, 0.2), (0, 0.9, 0.3), (1, 0.6, 0.6)]  # as stated
    weights = [pi / mu for _, pi, mu in rows]
    return sum(w * r for w, (r, _, _) in zip(weights, rows, strict=True)) / sum(weights)
