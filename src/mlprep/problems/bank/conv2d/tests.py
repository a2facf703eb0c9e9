"""Hand-made cases first (asymmetric kernels, strides whose last window does not fit, padding with
stride, 1x1 kernels, non-square shapes), then seeded random layers of several sizes."""

import numpy as np

from mlprep.problems import Case


def _layer(rng, n, c, h, w, f, kh, kw):
    x = rng.normal(size=(n, c, h, w))
    weights = rng.normal(size=(f, c, kh, kw))
    bias = rng.normal(size=f)
    return x, weights, bias


def cases(rng):
    # An asymmetric kernel: flipping it (true convolution) changes every output.
    yield Case(
        "one_channel",
        (
            np.arange(16.0).reshape(1, 1, 4, 4),
            np.array([[[[1.0, 2.0], [0.0, -1.0]]]]),
            np.array([0.5]),
        ),
        "basic",
    )
    yield Case(
        "stride_and_padding",
        (
            np.arange(25.0).reshape(1, 1, 5, 5),
            np.array([[[[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 2.0, 0.0]]]]),
            np.array([0.0]),
            2,
            1,
        ),
        "stride and padding",
    )
    yield Case(
        "two_channels_two_filters",
        (
            np.array(
                [
                    [
                        [[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0]],
                        [[0.0, 1.0, 1.0], [2.0, 0.0, 0.0], [1.0, 1.0, 2.0]],
                    ]
                ]
            ),
            np.array(
                [
                    [[[1.0, 0.0], [0.0, 1.0]], [[0.0, 2.0], [0.0, 0.0]]],
                    [[[0.0, -1.0], [1.0, 0.0]], [[1.0, 1.0], [1.0, 1.0]]],
                ]
            ),
            np.array([1.0, -1.0]),
        ),
        "channels",
    )

    # (6 - 3) / 2 is not whole: the third window would run past the edge and is dropped.
    x, w, b = _layer(rng, 1, 2, 6, 6, 3, 3, 3)
    yield Case("stride_two_last_window_dropped", (x, w, b, 2, 0), "stride")
    x, w, b = _layer(rng, 2, 1, 9, 11, 2, 2, 2)
    yield Case("stride_three_last_window_dropped", (x, w, b, 3, 0), "stride")
    x, w, b = _layer(rng, 1, 3, 7, 5, 2, 3, 3)
    yield Case("padding_with_stride_three", (x, w, b, 3, 2), "stride and padding")
    x, w, b = _layer(rng, 2, 2, 8, 8, 3, 3, 3)
    yield Case("same_padding", (x, w, b, 1, 1), "padding")
    # Kernel wider than it is tall on a taller-than-wide image, with stride and padding.
    x, w, b = _layer(rng, 2, 3, 10, 7, 4, 2, 4)
    yield Case("non_square_kernel_and_input", (x, w, b, 2, 1), "non-square")
    x, w, b = _layer(rng, 1, 2, 5, 12, 3, 3, 1)
    yield Case("tall_kernel_wide_input", (x, w, b, 1, 0), "non-square")
    # 1x1 kernels mix channels only.
    x, w, b = _layer(rng, 3, 4, 5, 6, 3, 1, 1)
    yield Case("one_by_one_kernel", (x, w, b), "1x1 kernel")
    # With padding, the border outputs of a 1x1 kernel only see zeros: they equal the bias.
    x, w, b = _layer(rng, 1, 2, 3, 4, 2, 1, 1)
    yield Case("one_by_one_kernel_padded", (x, w, b, 1, 2), "1x1 kernel")
    x, w, b = _layer(rng, 1, 3, 9, 9, 2, 1, 1)
    yield Case("one_by_one_kernel_stride_two", (x, w, b, 2, 0), "1x1 kernel")
    # The kernel covers the whole padded input: a 1x1 output.
    x, w, b = _layer(rng, 2, 2, 3, 4, 3, 5, 6)
    yield Case("kernel_covers_padded_input", (x, w, b, 1, 1), "tiny")
    x, w, b = _layer(rng, 1, 1, 1, 1, 2, 3, 3)
    yield Case("single_pixel_padded", (x, w, b, 1, 1), "tiny")
    # Stride larger than the kernel: some pixels are never read.
    x, w, b = _layer(rng, 1, 2, 11, 11, 2, 2, 2)
    yield Case("stride_larger_than_kernel", (x, w, b, 4, 0), "stride")
    x = rng.integers(-3, 4, size=(2, 3, 6, 7)).astype(float)
    w = rng.integers(-2, 3, size=(4, 3, 3, 2)).astype(float)
    yield Case("integer_valued", (x, w, np.array([1.0, 0.0, -2.0, 0.5]), 1, 1), "random")
    x, w, b = _layer(rng, 4, 3, 12, 12, 5, 3, 3)
    yield Case("random_batch", (x, w, b, 1, 1), "random")
    x, w, b = _layer(rng, 2, 4, 20, 17, 6, 5, 5)
    yield Case("random_large_strided", (x, w, b, 2, 2), "random")
    x, w, b = _layer(rng, 3, 2, 15, 13, 3, 4, 3)
    yield Case("random_stride_three_padded", (x, w, b, 3, 1), "random")
