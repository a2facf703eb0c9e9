"""Factor by which chunk overlap multiplies the number of chunks for long documents."""


def answer() -> float:
    chunk, overlap = 512, 64  # tokens, as stated in the question
    return chunk / (chunk - overlap)
