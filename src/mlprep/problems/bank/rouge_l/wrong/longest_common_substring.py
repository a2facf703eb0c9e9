"""Uses the longest common contiguous substring instead of the longest common subsequence."""


def rouge_l(candidate, reference, beta=1.0):
    best = 0
    prev = [0] * (len(reference) + 1)
    for a in candidate:
        cur = [0] * (len(reference) + 1)
        for j, b in enumerate(reference, 1):
            if a == b:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    if best == 0:
        return 0.0, 0.0, 0.0
    p, r = best / len(candidate), best / len(reference)
    return p, r, (1 + beta**2) * p * r / (r + beta**2 * p)
