"""Rotates the split-half pairs (x[i, j], x[i, j + d/2]) of GPT-NeoX style instead of the interleaved (2j, 2j+1)."""
import numpy as np


def rope(x, base=10000.0):
    n, d = x.shape
    h = d // 2
    theta = base ** (-2.0 * np.arange(h) / d)
    angle = np.arange(n)[:, None] * theta
    cos, sin = np.cos(angle), np.sin(angle)
    first, second = x[:, :h], x[:, h:]
    return np.concatenate([first * cos - second * sin, first * sin + second * cos], axis=1)
