"""Hand-made cases first (overlap, stride beyond the window, negative values, windows dropped at
the edge, non-square inputs), then seeded random batches."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_by_two_blocks",
        (
            np.array(
                [
                    [
                        [
                            [1.0, 3.0, 2.0, 0.0],
                            [4.0, 2.0, 1.0, 5.0],
                            [0.0, 1.0, 7.0, 2.0],
                            [6.0, 2.0, 3.0, 1.0],
                        ]
                    ]
                ]
            ),
            2,
            2,
        ),
        "basic",
    )
    # stride < pool: the windows overlap and share pixels.
    yield Case(
        "overlapping_windows",
        (
            np.array(
                [
                    [
                        [
                            [1.0, 5.0, 2.0, 0.0, 3.0],
                            [2.0, 0.0, 4.0, 1.0, 1.0],
                            [3.0, 1.0, 0.0, 6.0, 2.0],
                        ]
                    ]
                ]
            ),
            2,
            1,
        ),
        "overlap",
    )
    # Every value negative: a running maximum started at 0 returns 0.
    yield Case(
        "all_negative",
        (-np.arange(1.0, 19.0).reshape(1, 2, 3, 3), 2, 1),
        "negative values",
    )

    yield Case(
        "random_all_negative",
        (-rng.uniform(0.5, 10.0, size=(2, 3, 7, 6)), 3, 2),
        "negative values",
    )
    # Mostly negative, a few windows entirely negative.
    yield Case(
        "mixed_signs_shifted",
        (rng.normal(-3.0, 1.0, size=(1, 2, 8, 8)), 2, 2),
        "negative values",
    )
    # (5 - 2) / 2 is not whole: the third window along each axis does not fit and is dropped.
    yield Case("odd_size_last_window_dropped", (rng.normal(size=(2, 2, 5, 7)), 2, 2), "floor")
    yield Case("overlap_last_window_dropped", (rng.normal(size=(1, 3, 10, 12)), 3, 2), "floor")
    # stride > pool: some pixels are never inside a window.
    yield Case("stride_greater_than_pool", (rng.normal(size=(2, 2, 11, 9)), 2, 3), "stride > pool")
    yield Case("stride_much_greater", (rng.normal(size=(1, 1, 13, 13)), 1, 4), "stride > pool")
    yield Case("overlap_stride_one", (rng.normal(size=(2, 3, 7, 10)), 3, 1), "overlap")
    yield Case("non_square_tall", (rng.normal(size=(1, 2, 12, 4)), 3, 3), "non-square")
    yield Case("non_square_wide_overlap", (rng.normal(size=(3, 1, 4, 15)), 4, 2), "non-square")
    yield Case("pool_one_is_identity", (rng.normal(size=(1, 2, 4, 3)), 1, 1), "pool 1")
    yield Case("pool_one_subsamples", (rng.normal(size=(2, 1, 7, 6)), 1, 2), "pool 1")
    # One window covering the whole image: the global maximum per image and channel.
    yield Case("global_window", (rng.normal(size=(3, 4, 6, 6)), 6, 1), "whole image")
    yield Case("window_spans_height", (rng.normal(size=(2, 2, 5, 9)), 5, 2), "whole image")
    yield Case("single_pixel", (rng.normal(size=(2, 3, 1, 1)), 1, 1), "tiny")
    x = rng.integers(-3, 4, size=(2, 3, 9, 8)).astype(float)
    yield Case("many_ties", (x, 3, 2), "ties")
    yield Case("random_batch", (rng.normal(0.0, 10.0, size=(4, 4, 20, 20)), 3, 2), "random")
    yield Case("random_large_scale", (rng.normal(0.0, 1e6, size=(2, 3, 17, 19)), 4, 3), "random")
