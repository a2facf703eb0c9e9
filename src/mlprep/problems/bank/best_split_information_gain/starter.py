def best_split_information_gain(X, y):
    """Find the single split of X with the largest information gain (entropy in bits).

    X: float array (n, d); y: int array (n,) of non-negative labels.
    Returns (feature, threshold, gain): an int, a float and a float.
    A row goes to the left child when X[row, feature] <= threshold.
    """
    feature, threshold, gain = -1, 0.0, 0.0
    # Your code here.
    return feature, threshold, gain
