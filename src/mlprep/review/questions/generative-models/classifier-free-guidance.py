"""Classifier-free guided noise prediction for one component."""


def answer() -> float:
    eps_cond, eps_uncond, w = 0.2, 0.6, 7.5  # as stated in the question
    return eps_uncond + w * (eps_cond - eps_uncond)
