import numpy as np


def lasso_coordinate_descent(X, y, alpha, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X**2).sum(axis=0) / n  # (1/n) * squared norm of each column
    residual = y.copy()  # y - X @ w, kept up to date after every coordinate
    for _ in range(n_iters):
        for j in range(d):
            if z[j] == 0.0:  # an all-zero column: its weight stays exactly 0
                continue
            rho = X[:, j] @ residual / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            residual -= X[:, j] * (new - w[j])
            w[j] = new
    return w
