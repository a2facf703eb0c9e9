"""Weights of a 256-64-64-256 ResNet bottleneck block without biases."""


def answer() -> float:
    c_outer, c_inner, k = 256, 64, 3  # as stated in the question
    return c_outer * c_inner + k * k * c_inner * c_inner + c_inner * c_outer
