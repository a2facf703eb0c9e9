"""Expected speed-up of speculative decoding with draft length, acceptance rate and draft cost."""


def answer() -> float:
    gamma, alpha, draft_cost = 4, 0.8, 0.1  # as stated in the question
    tokens_per_round = (1 - alpha ** (gamma + 1)) / (1 - alpha)
    cost_per_round = gamma * draft_cost + 1
    return tokens_per_round / cost_per_round
