"""Memory in GB of 4-bit group-quantised weights with one 16-bit scale per group."""


def answer() -> float:
    n_params, bits, group, scale_bits = 70e9, 4, 128, 16  # as stated in the question
    bits_per_weight = bits + scale_bits / group
    return n_params * bits_per_weight / 8 / 1e9
