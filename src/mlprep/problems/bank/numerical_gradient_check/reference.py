import numpy as np


def _loss(W, X, y):
    """Mean softmax cross-entropy of the logits X @ W against the integer labels y."""
    logits = X @ W
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -log_probs[np.arange(len(y)), y].mean()


def _analytic_grad(W, X, y):
    logits = X @ W
    shifted = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(shifted)
    probs /= probs.sum(axis=1, keepdims=True)
    probs[np.arange(len(y)), y] -= 1.0  # softmax minus one-hot
    return X.T @ probs / len(y)


def numerical_gradient_check(W, X, y, h=1e-5):
    W = np.array(W, dtype=float)  # a private copy: the caller's W is never touched
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=np.int64)
    numeric = np.zeros_like(W)
    for i in range(W.shape[0]):
        for j in range(W.shape[1]):
            original = W[i, j]
            W[i, j] = original + h
            loss_plus = _loss(W, X, y)
            W[i, j] = original - h
            loss_minus = _loss(W, X, y)
            W[i, j] = original  # restore before moving on to the next entry
            numeric[i, j] = (loss_plus - loss_minus) / (2 * h)
    analytic = _analytic_grad(W, X, y)
    denominator = np.maximum(1e-12, np.abs(numeric) + np.abs(analytic))
    max_relative_error = float(np.max(np.abs(numeric - analytic) / denominator))
    return numeric, max_relative_error
