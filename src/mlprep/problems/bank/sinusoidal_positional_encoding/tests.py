"""Hand-made cases first (the example, an odd width, a single position and a single column, a
custom base), then seeded random sizes and bases."""

from mlprep.problems import Case


def cases(rng):
    yield Case("three_positions_four_dims", (3, 4), "basic")
    # Odd width: the last column is a sine with exponent 2 * 2 / 5.
    yield Case("odd_width", (4, 5), "odd width")
    yield Case("custom_base", (5, 6, 100.0), "base")
    # The picture's toy table.
    yield Case("toy_table", (50, 32), "toy data")

    # Position 0 only: sin 0 = 0 on even columns, cos 0 = 1 on odd ones.
    yield Case("single_position", (1, 8), "one position")
    # One column: just sin(pos).
    yield Case("single_column", (6, 1), "d = 1")
    yield Case("two_columns", (7, 2), "d = 2")
    yield Case("small_base", (9, 10, 2.0), "base")
    yield Case("integer_base", (12, 6, 50), "base")
    yield Case("long_sequence", (2000, 50), "long")

    for i, base in enumerate([10000.0, 500.0, 10000.0, 1e5, 10000.0, 20.0, 10000.0, 1000.0]):
        n = int(rng.integers(1, 300))
        d = int(rng.integers(1, 51))
        yield Case(f"random_{i}", (n, d, base), "random")
