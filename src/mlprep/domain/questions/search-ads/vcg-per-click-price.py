"""VCG per-click payment of the top bidder for two slots with position CTRs."""


def answer() -> float:
    ctrs, values = [0.10, 0.05], [5, 4, 2]  # as stated in the question
    others = values[1:]
    without_top = sum(v * c for v, c in zip(others, ctrs, strict=True))
    with_top = sum(v * c for v, c in zip(others[:1], ctrs[1:], strict=True))
    return (without_top - with_top) / ctrs[0]
