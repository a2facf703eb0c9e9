"""Hand-made edge cases first (zero vectors, ties, lengths that must not matter, k = 1 and
k = n_docs), then seeded random embeddings: continuous ones without ties, and tie-heavy ones
built from a few directions scaled by powers of two.

Ties are built only so that every way of computing a cosine gives bit-identical values: the
same direction scaled by +-2**j, zero vectors, and (hand-made) orthogonality through disjoint
supports. Orthogonal vectors with overlapping supports are avoided: normalising first and
summing with FMA leaves about 1e-17 instead of an exact 0."""

import numpy as np

from mlprep.problems import Case


def _a(rows):
    return np.array(rows, dtype=float)


def cases(rng):
    # The statement's example: ties at 0.7071, a negative document, a zero document, a zero query.
    yield Case(
        "example",
        (_a([[1, 0], [1, 1], [0, 0]]), _a([[1, 0], [0, 2], [1, 1], [-1, 0], [0, 0], [2, 0]]), 3),
        "basic",
    )
    # The zero document has similarity 0, which beats the two negative documents.
    yield Case(
        "zero_document_beats_negative",
        (_a([[1, 0]]), _a([[-1, 0], [0, 0], [1, 1], [-2, 1]]), 3),
        "zero vector",
    )
    # Documents 0, 2 and 4 point the same way (lengths 4, 1, 2): equal similarity, index order.
    yield Case(
        "ties_go_to_lower_index",
        (_a([[0, 1], [3, 4]]), _a([[0, 4], [1, 0], [0, 1], [3, 4], [0, 2], [6, 8]]), 4),
        "ties",
    )

    # Document 0 is long but off-direction; document 1 is short and points exactly at the query.
    yield Case(
        "length_does_not_matter",
        (_a([[1, 1], [1, 0]]), _a([[100, 20], [0.5, 0.5], [3, 2.9], [0.01, 0]]), 2),
        "normalisation",
    )
    yield Case(
        "zero_query",
        (_a([[0, 0, 0], [1, 2, 3]]), _a([[1, 0, 0], [-1, -2, -3], [0, 0, 0], [2, 4, 6]]), 4),
        "zero vector",
    )
    yield Case(
        "zero_documents_among_negatives",
        (_a([[1, 2], [-1, 0]]), _a([[-1, -2], [0, 0], [-3, 1], [0, 0], [2, 4], [1, -5]]), 5),
        "zero vector",
    )
    yield Case("all_documents_zero", (_a([[1, -1], [2, 3]]), np.zeros((4, 2)), 3), "zero vector")
    # Opposite multiples by powers of two: +-1 exactly, ties in both directions.
    yield Case(
        "opposite_multiples",
        (_a([[1, 2, 0]]), _a([[-2, -4, 0], [1, 2, 0], [0, 0, 5], [-1, -2, 0], [4, 8, 0]]), 5),
        "ties",
    )
    yield Case(
        "k_equals_one",
        (_a([[1, 0], [0, 1], [1, 1]]), _a([[2, 1], [1, 2], [1, 1], [-1, 0]]), 1),
        "k = 1",
    )
    yield Case(
        "k_equals_n_docs",
        (
            _a([[3, 1, 0], [0, -1, 2]]),
            _a([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1], [2, 0, 0]]),
            5,
        ),
        "k = n",
    )
    yield Case("single_document", (_a([[1, 2], [0, 0], [-1, 3]]), _a([[4, -1]]), 1), "one document")
    yield Case(
        "identical_documents", (_a([[1, 3], [-2, 0]]), np.tile([[2.0, 5.0]], (6, 1)), 4), "ties"
    )
    yield Case("one_dimension", (_a([[2], [-3], [0]]), _a([[-1], [0], [5], [2], [-4]]), 4), "d = 1")

    for i, (n_q, n_d, d, k, scale) in enumerate(
        [
            (5, 20, 3, 5, 1.0),
            (50, 500, 16, 10, 1.0),
            (200, 2000, 50, 20, 1.0),
            (30, 100, 8, 100, 1e6),
            (10, 300, 4, 7, 1e-3),
            (1, 1000, 32, 1, 1.0),
        ]
    ):
        queries = rng.normal(0, scale, size=(n_q, d))
        docs = rng.normal(0, scale, size=(n_d, d))
        yield Case(f"random_{i}", (queries, docs, k), "random")
    for i, (n_q, n_d, d, k) in enumerate([(20, 60, 3, 10), (40, 400, 5, 25), (10, 30, 2, 30)]):
        yield Case(f"random_ties_{i}", _tie_heavy(rng, n_q, n_d, d, k), "ties")


def _tie_heavy(rng, n_q, n_d, d, k):
    # A few random directions, each document one of them times +-2**j or the zero vector: equal
    # similarities then come only from the same direction (or from 0), and are exactly equal in
    # floating point whichever way a solution computes them.
    directions = rng.normal(size=(4, d))
    scales = rng.choice([-2.0, -1.0, 0.5, 1.0, 2.0, 4.0], size=n_d)
    docs = directions[rng.integers(0, 4, size=n_d)] * scales[:, None]
    docs[rng.random(n_d) < 0.1] = 0.0
    queries = rng.normal(size=(n_q, d))
    queries[0] = 0.0
    return queries, docs, k
