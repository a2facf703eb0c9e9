"""Output of the optimal GAN discriminator at a point from the two densities."""


def answer() -> float:
    p_data, p_g = 0.3, 0.1  # as stated in the question
    return p_data / (p_data + p_g)
