import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train).astype(np.int64)
    # Squared distances for all pairs at once: |a - b|^2 = |a|^2 - 2 a.b + |b|^2.
    distances = (
        (X_test**2).sum(axis=1)[:, None] - 2.0 * X_test @ X_train.T + (X_train**2).sum(axis=1)
    )
    # A stable sort keeps equal distances in training order: the lower index comes first.
    nearest = np.argsort(distances, axis=1, kind="stable")[:, :k]
    y_pred = np.empty(len(X_test), dtype=np.int64)
    for i, row in enumerate(y_train[nearest]):
        labels, counts = np.unique(row, return_counts=True)
        # np.unique sorts the labels and argmax returns the first maximum: the smallest label.
        y_pred[i] = labels[np.argmax(counts)]
    return y_pred
