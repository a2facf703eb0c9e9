"""Uses the reshape trick for non-overlapping blocks, which silently assumes stride == pool."""


def max_pool2d(x, pool, stride):
    n, c, h, w = x.shape
    hh, ww = h // pool, w // pool
    blocks = x[:, :, : hh * pool, : ww * pool].reshape(n, c, hh, pool, ww, pool)
    return blocks.max(axis=(3, 5))
