import numpy as np


def adam_step(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * grad  # first moment
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * grad**2  # second moment
    m_hat = m_new / (1 - beta1**t)  # bias correction with this step's number t >= 1
    v_hat = v_new / (1 - beta2**t)
    w_new = w - lr * m_hat / (np.sqrt(v_hat) + eps)  # eps outside the square root
    return w_new, m_new, v_new
