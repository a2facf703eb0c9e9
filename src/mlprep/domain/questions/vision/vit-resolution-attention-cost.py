"""Growth of the ViT attention matrix when raising the input resolution."""


def answer() -> float:
    patch, low, high, cls_tokens = 16, 224, 384, 1  # as stated in the question
    n_low = (low // patch) ** 2 + cls_tokens
    n_high = (high // patch) ** 2 + cls_tokens
    return (n_high / n_low) ** 2
