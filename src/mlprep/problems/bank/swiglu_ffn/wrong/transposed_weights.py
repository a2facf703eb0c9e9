"""Multiplies by the transposed weights (x @ W.T), which only fits when they are square."""
import numpy as np


def swiglu_ffn(x, W1, W3, W2):
    a, b = x @ W1.T, x @ W3.T
    return (a / (1.0 + np.exp(-a)) * b) @ W2.T
