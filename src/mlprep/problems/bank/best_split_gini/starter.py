def best_split_gini(X, y):
    """Find the single split of X that gives the lowest weighted Gini impurity of the children.

    X: float array (n, d); y: int array (n,) of non-negative labels.
    Returns (feature, threshold, impurity): an int, a float and a float.
    A row goes to the left child when X[row, feature] <= threshold.
    """
    feature, threshold, impurity = -1, 0.0, 0.0
    # Your code here.
    return feature, threshold, impurity
