"""Hand-made edge cases first (empty documents, unused terms, a term in every document, counts
larger than 1, one document, one term), then seeded random sparse count matrices."""

import numpy as np

from mlprep.problems import Case


def _c(rows):
    return np.array(rows, dtype=np.int64)


def cases(rng):
    # The statement's example: an empty document and a term nobody uses.
    yield Case("example", (_c([[2, 1, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0]]),), "basic")
    # Term 0 occurs in every document: its idf is exactly 1, so its weight must not vanish.
    yield Case(
        "term_in_every_document",
        (_c([[1, 1, 0], [2, 0, 1], [1, 3, 0], [4, 0, 0]]),),
        "idf = 1",
    )
    # Document frequency counts documents, not occurrences: term 0 appears 9 times in one
    # document, term 1 once in each of two.
    yield Case("count_is_not_df", (_c([[9, 1, 0], [0, 1, 2], [0, 0, 1]]),), "document frequency")
    yield Case("toy_corpus", (_toy_corpus(),), "toy data")

    yield Case("all_documents_empty", (np.zeros((3, 4), dtype=np.int64),), "empty document")
    yield Case(
        "empty_documents_between",
        (_c([[0, 0, 0], [1, 0, 2], [0, 0, 0], [0, 3, 0], [0, 0, 0]]),),
        "empty document",
    )
    # Columns 1 and 3 are never used: a smooth idf keeps them finite, their weights stay 0.
    yield Case(
        "unused_terms",
        (_c([[1, 0, 2, 0, 1], [0, 0, 1, 0, 0], [3, 0, 0, 0, 1]]),),
        "unused term",
    )
    yield Case("single_document", (_c([[3, 0, 1, 2]]),), "one document")
    yield Case("single_term", (_c([[1], [0], [5], [2]]),), "one term")
    yield Case("single_cell", (_c([[4]]),), "one document")
    # A document with a single term becomes a one-hot row whatever its count.
    yield Case(
        "one_term_per_document", (_c([[7, 0, 0], [0, 1, 0], [0, 0, 2], [1, 0, 0]]),), "basic"
    )
    yield Case(
        "identical_documents",
        (_c([[2, 1, 0], [2, 1, 0], [2, 1, 0]]),),
        "idf = 1",
    )
    yield Case(
        "large_counts",
        (_c([[100000, 3, 0], [0, 50000, 1], [7, 0, 90000], [0, 0, 0]]),),
        "large counts",
    )

    for i, (n, t, lam, p_empty) in enumerate(
        [
            (20, 6, 0.8, 0.1),
            (200, 15, 0.3, 0.05),
            (2000, 50, 0.2, 0.02),
            (500, 30, 2.0, 0.0),
            (50, 40, 0.05, 0.2),
            (1000, 8, 5.0, 0.01),
        ]
    ):
        counts = rng.poisson(lam, size=(n, t)).astype(np.int64)
        counts[rng.random(n) < p_empty] = 0
        yield Case(f"random_{i}", (counts,), "random")


def _toy_corpus():
    # Six short documents over eight terms, read as word counts.
    return _c(
        [
            [2, 1, 0, 0, 1, 0, 0, 0],
            [0, 1, 3, 0, 1, 0, 0, 0],
            [1, 0, 0, 2, 1, 0, 1, 0],
            [0, 0, 1, 0, 1, 4, 0, 0],
            [0, 2, 0, 0, 1, 0, 0, 1],
            [1, 0, 0, 1, 1, 0, 2, 0],
        ]
    )
