"""Hand-made cases first (the example, two images with two channels to pin the row and column
order of cols, stride with padding, a dropped last window, 1x1 kernels, non-square shapes), then
seeded random layers of several sizes."""

import numpy as np

from mlprep.problems import Case


def _layer(rng, n, c, h, w, f, kh, kw):
    return rng.normal(size=(n, c, h, w)), rng.normal(size=(f, c, kh, kw)), rng.normal(size=f)


def cases(rng):
    # The statement's example: one 3x3 image, an asymmetric 2x2 kernel.
    yield Case(
        "one_channel",
        (
            np.arange(9.0).reshape(1, 1, 3, 3),
            np.array([[[[1.0, 2.0], [0.0, -1.0]]]]),
            np.array([0.5]),
        ),
        "basic",
    )
    # Two images and two channels: the row order (n, i, j) and column order (c, u, v) both show.
    yield Case(
        "two_images_two_channels",
        (
            np.arange(36.0).reshape(2, 2, 3, 3) - 10.0,
            np.array(
                [
                    [[[1.0, 0.0], [0.0, 2.0]], [[0.0, -1.0], [3.0, 0.0]]],
                    [[[0.0, 1.0], [1.0, 0.0]], [[2.0, 0.0], [0.0, 0.0]]],
                    [[[1.0, 1.0], [0.0, 0.0]], [[0.0, 0.0], [1.0, -1.0]]],
                ]
            ),
            np.array([1.0, 0.0, -2.0]),
        ),
        "layout",
    )
    yield Case(
        "stride_and_padding",
        (
            np.arange(16.0).reshape(1, 1, 4, 4),
            np.array([[[[0.0, 1.0, 0.0], [1.0, -4.0, 2.0], [0.0, 3.0, 0.0]]]]),
            np.array([0.0]),
            2,
            1,
        ),
        "stride and padding",
    )

    # (6 - 3) / 2 is not whole: the window that would start at row 4 does not fit.
    x, w, b = _layer(rng, 2, 2, 6, 6, 3, 3, 3)
    yield Case("stride_two_last_window_dropped", (x, w, b, 2, 0), "stride")
    x, w, b = _layer(rng, 1, 3, 7, 5, 2, 3, 3)
    yield Case("padding_with_stride_three", (x, w, b, 3, 2), "stride and padding")
    x, w, b = _layer(rng, 2, 2, 8, 8, 3, 3, 3)
    yield Case("same_padding", (x, w, b, 1, 1), "padding")
    # Wide kernel on a tall image; H_out != W_out exposes swapped spatial axes.
    x, w, b = _layer(rng, 3, 3, 10, 7, 4, 2, 4)
    yield Case("non_square_kernel_and_input", (x, w, b, 2, 1), "non-square")
    x, w, b = _layer(rng, 2, 2, 5, 12, 3, 3, 1)
    yield Case("tall_kernel_wide_input", (x, w, b, 1, 0), "non-square")
    # 1x1 kernels: cols is the image with channels as columns, one row per pixel.
    x, w, b = _layer(rng, 3, 4, 5, 6, 3, 1, 1)
    yield Case("one_by_one_kernel", (x, w, b), "1x1 kernel")
    # More filters than anything else: F != C != N.
    x, w, b = _layer(rng, 2, 3, 6, 5, 6, 2, 3)
    yield Case("many_filters", (x, w, b, 1, 2), "layout")
    x, w, b = _layer(rng, 4, 1, 5, 5, 1, 5, 5)
    yield Case("kernel_covers_image", (x, w, b, 1, 0), "tiny")
    x, w, b = _layer(rng, 1, 2, 1, 1, 2, 3, 3)
    yield Case("single_pixel_padded", (x, w, b, 1, 1), "tiny")
    x, w, b = _layer(rng, 2, 2, 11, 11, 2, 2, 2)
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
