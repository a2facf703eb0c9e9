"""Encoder compute ratio of all patches versus visible patches in MAE."""


def answer() -> float:
    d, image, patch, mask_percent = 1024, 224, 16, 75  # as stated in the question
    n_all = (image // patch) ** 2
    n_visible = n_all * (100 - mask_percent) // 100

    def cost(n: int) -> float:
        return 24 * n * d**2 + 4 * n**2 * d

    return cost(n_all) / cost(n_visible)
