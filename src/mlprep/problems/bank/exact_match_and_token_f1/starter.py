def exact_match_and_token_f1(predictions, references):
    """Return (exact_match, f1): SQuAD-style scores averaged over the questions, each in [0, 1].

    predictions: a list of token lists, one per question; references: a list, one per question,
    of one or more reference token lists. Each question scores its best reference.
    """
    exact_match, f1 = 0.0, 0.0
    # Your code here.
    return exact_match, f1
