"""GSP price per click of the top ad in a quality-weighted auction."""


def answer() -> float:
    ads = {"A": (2.00, 0.05), "B": (4.00, 0.02), "C": (1.00, 0.06)}  # (bid, pCTR) as stated
    ranked = sorted(ads.values(), key=lambda a: a[0] * a[1], reverse=True)
    ctr_top = ranked[0][1]
    bid_next, ctr_next = ranked[1]
    return bid_next * ctr_next / ctr_top
