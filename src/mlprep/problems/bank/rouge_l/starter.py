def rouge_l(candidate, reference, beta=1.0):
    """Return (precision, recall, f_measure) of ROUGE-L between two token lists.

    precision = LCS / len(candidate), recall = LCS / len(reference), where LCS is the length of
    their longest common subsequence; f_measure = (1 + beta^2) P R / (R + beta^2 P).
    All three are 0 when the LCS is 0.
    """
    precision, recall, f_measure = 0.0, 0.0, 0.0
    # Your code here.
    return precision, recall, f_measure
