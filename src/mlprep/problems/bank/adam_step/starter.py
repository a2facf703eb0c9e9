import numpy as np


def adam_step(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """Return (w_new, m_new, v_new) after one Adam update.

    w, grad, m, v: float arrays of the same shape; t: the number of this step (1 for the first).
    """
    w_new = np.array(w, dtype=float)
    m_new = np.array(m, dtype=float)
    v_new = np.array(v, dtype=float)
    # Your code here.
    return w_new, m_new, v_new
