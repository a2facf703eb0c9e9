import numpy as np


def padded_batch_attention(Q, K, V, lengths, causal=True, padding_side="right"):
    """Return (weights, output) of masked self-attention over a padded batch.

    Q, K: (B, T, d); V: (B, T, d_v); lengths: (B,) real tokens per sequence, padded on
    padding_side ("right": real tokens first, "left": real tokens last). A real query attends to
    the real keys (and, if causal, only keys j <= i). Padded query rows: zero weights, zero output.
    weights: (B, T, T); output: (B, T, d_v).
    """
    B, T, _ = Q.shape
    weights = np.zeros((B, T, T))
    output = np.zeros((B, T, V.shape[2]))
    # Your code here.
    return weights, output
