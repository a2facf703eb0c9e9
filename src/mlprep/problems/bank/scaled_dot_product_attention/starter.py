import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Return (output, weights) of scaled dot-product attention.

    Q: (n_q, d), K: (n_k, d), V: (n_k, d_v); mask: optional 0/1 array (n_q, n_k), 0 = blocked.
    output: float array (n_q, d_v); weights: float array (n_q, n_k), each row sums to 1.
    """
    output = np.zeros((Q.shape[0], V.shape[1]))
    weights = np.zeros((Q.shape[0], K.shape[0]))
    # Your code here.
    return output, weights
