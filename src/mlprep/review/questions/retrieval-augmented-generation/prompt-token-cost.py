"""Daily input-token cost of a RAG service in dollars."""


def answer() -> float:
    chunks, chunk_tokens, other_tokens = 8, 500, 300  # as stated in the question
    requests, dollars_per_million = 1_000_000, 3
    tokens = requests * (chunks * chunk_tokens + other_tokens)
    return tokens / 1_000_000 * dollars_per_million
