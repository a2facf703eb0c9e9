"""Hand-made cases first (the example, a repeated query term, a term in most documents, empty
documents and an all-empty collection, unseen terms, one document, extreme k1 and b), then
seeded random term-frequency matrices with sparse Poisson counts and queries with repeats."""

import numpy as np

from mlprep.problems import Case


def _ints(rows):
    return np.array(rows, dtype=np.int64)


def cases(rng):
    tf = _ints([[2, 0, 1, 0], [0, 1, 0, 3], [1, 1, 1, 1]])
    # The statement's example, with the default k1 = 1.5 and b = 0.75.
    yield Case("three_documents", (tf, _ints([0, 2])), "basic")
    # Term 1 is asked twice: its contribution counts twice.
    yield Case("repeated_query_term", (tf, _ints([1, 1, 3])), "repeated terms")
    # Term 0 is in 4 of 5 documents: the classic idf ln((N - n + 0.5) / (n + 0.5)) < 0 here.
    common = _ints([[3, 1, 0], [1, 0, 2], [2, 2, 0], [1, 0, 0], [0, 4, 1]])
    yield Case("common_term_idf_stays_positive", (common, _ints([0, 2])), "idf")

    yield Case("term_in_every_document", (_ints([[1, 2], [3, 0], [1, 1]]), _ints([0])), "idf")
    # Every document empty: avgdl = 0, every score 0.
    yield Case("all_documents_empty", (np.zeros((3, 4), np.int64), _ints([0, 1, 1])), "empty")
    # An empty document with b = 1: k1 (1 - b + b dl / avgdl) = 0, yet its score is 0, not 0 / 0.
    with_empty = _ints([[0, 0, 0], [2, 1, 0], [0, 3, 1], [1, 0, 4]])
    yield Case("empty_document_b_one", (with_empty, _ints([0, 1, 2]), 1.2, 1.0), "empty")
    yield Case("empty_document_default_b", (with_empty, _ints([1, 2, 2])), "empty")
    # A query term that no document contains adds nothing anywhere.
    unseen = _ints([[2, 0, 1, 0, 0], [0, 1, 0, 3, 0], [1, 1, 1, 1, 0]])  # no document has term 4
    yield Case("unseen_query_term", (unseen, _ints([4, 2, 0, 4])), "unseen term")
    yield Case("only_unseen_terms", (_ints([[1, 0, 0], [2, 0, 1]]), _ints([1, 1])), "unseen term")
    yield Case("single_document", (_ints([[4, 0, 2, 1]]), _ints([0, 2, 3, 3])), "one document")
    # b = 0: no length normalisation at all; b = 1: full normalisation.
    lengths = _ints([[1, 0, 0, 0], [1, 5, 5, 5], [2, 1, 0, 0], [0, 0, 1, 9]])
    yield Case("b_zero", (lengths, _ints([0, 2]), 1.5, 0.0), "b")
    yield Case("b_one", (lengths, _ints([0, 2]), 1.5, 1.0), "b")
    # A small k1 saturates after one occurrence; a large one keeps counting.
    yield Case("k1_small", (lengths, _ints([1, 3, 0]), 0.1, 0.75), "k1")
    yield Case("k1_large", (lengths, _ints([1, 3, 0]), 10.0, 0.75), "k1")

    # Random collections: (N documents, V terms, mean count, query length, k1, b).
    for i, (N, V, rate, m, k1, b) in enumerate(
        [
            (5, 6, 1.0, 3, 1.5, 0.75),
            (20, 10, 0.5, 4, 1.2, 0.75),
            (50, 30, 0.3, 6, 2.0, 0.5),
            (200, 50, 0.2, 8, 1.5, 0.75),
            (500, 40, 1.5, 5, 0.9, 0.4),
            (1000, 50, 0.1, 10, 1.5, 0.75),
            (2000, 25, 0.8, 7, 1.6, 0.9),
        ]
    ):
        tf = rng.poisson(rate, size=(N, V)).astype(np.int64)
        tf[:, 0] += 1  # term 0 is in every document: the common-term case again
        query = rng.integers(0, V, size=m).astype(np.int64)
        query[-1] = query[0]  # every random query has a repeat
        yield Case(f"random_{i}", (tf, query, k1, b), "random")
    tf = rng.poisson(0.6, size=(100, 20)).astype(np.int64)
    tf[rng.random(100) < 0.2] = 0  # a fifth of the documents are empty
    yield Case("random_with_empty_documents", (tf, rng.integers(0, 20, size=6), 1.5, 1.0), "empty")
