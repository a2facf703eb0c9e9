"""KV-cache size in GiB for a GQA model, given layers, KV heads, head dim, batch and context."""


def answer() -> float:
    layers, kv_heads, head_dim, batch, context, bytes_fp16 = 80, 8, 128, 8, 32768, 2  # as stated
    total = 2 * layers * kv_heads * head_dim * bytes_fp16 * batch * context
    return total / 2**30
