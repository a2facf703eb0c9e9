import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    """Predict a label for every row of X_test by a vote of its k nearest training points.

    X_train: float array (n, d); y_train: int array (n,); X_test: float array (m, d); k: int.
    Returns an int array of shape (m,).
    """
    y_pred = np.zeros(len(X_test), dtype=int)
    # Your code here.
    return y_pred
