"""Hand-made edge cases first (the tie rule, missing documents, empty lists, one list, agreement
against a single top rank, k), then seeded random rankings of many sizes.

Scores are sums of unit fractions 1/(k + rank), which are not exact in floating point. A sum of
two terms is the same whichever order it is added in, but three or more terms added in different
orders can differ in the last bit. So exact ties in the tests only involve documents found by at
most two lists; the random generator redraws any ranking where a document found by three or more
lists ties, or nearly ties, with another one (exact rational arithmetic decides)."""

from fractions import Fraction

from mlprep.problems import Case


def cases(rng):
    # The statement's example, with k = 2 for readable fractions: documents 1 and 3 tie.
    yield Case("example", ([[3, 1, 2], [1, 4], [2, 3, 0]], 6, 2), "basic")
    # Documents 5 and 2 tie (ranks 1 and 2 each); 5 is seen first but 2 has the lower id.
    yield Case("tie_goes_to_lower_id", ([[5, 2, 0], [2, 5, 7]], 8, 60), "ties")
    # k left at its default of 60.
    yield Case("default_k", ([[0, 1, 2, 3], [3, 2, 9], [4, 3]], 10), "default k")

    # Single-term ties: each document is found once, at the same rank as the others.
    yield Case("single_term_ties", ([[7, 1], [3, 0], [5, 2]], 9, 60), "ties")
    # Document 4 is first in one list only; document 6 is second in two lists and wins.
    yield Case("agreement_beats_one_top_rank", ([[4, 6, 1], [6, 2], [3, 6]], 7, 60), "missing")
    # Document 0 is missing from three of the four lists and must get nothing from them.
    yield Case(
        "missing_contributes_nothing",
        ([[0, 1, 2], [1, 2, 3], [2, 1, 3, 4], [3, 1]], 5, 1),
        "missing",
    )
    yield Case("single_list", ([[4, 0, 9, 2, 7]], 10, 60), "one list")
    yield Case("empty_list_among_others", ([[], [2, 0], [], [1, 2]], 4, 60), "empty list")
    yield Case("all_lists_empty", ([[], []], 3, 60), "empty list")
    yield Case("one_document", ([[0], [0], [0]], 1, 60), "one document")
    # Only a few of many documents are retrieved; the rest stay at score 0 and out of `fused`.
    yield Case("few_retrieved", ([[17, 3], [42, 17]], 50, 60), "not retrieved")
    # Identical lists: the fused ranking is the list itself.
    yield Case("identical_lists", ([[6, 1, 3, 0], [6, 1, 3, 0], [6, 1, 3, 0]], 8, 10), "basic")
    # Reversed lists: with two lists every pair (i, n-1-i) ties.
    yield Case("reversed_lists", ([[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0]], 6, 60), "ties")
    yield Case("small_float_k", ([[2, 0, 1], [1, 3], [0]], 4, 0.5), "k")
    yield Case("large_k", ([[0, 1, 2, 3], [3, 2, 1], [1]], 5, 1000), "k")

    for i, (m, n_docs, max_len, k) in enumerate(
        [
            (2, 30, 20, 60),
            (3, 100, 50, 60),
            (5, 500, 100, 60),
            (10, 2000, 200, 60),
            (2, 2000, 1000, 60),
            (4, 60, 60, 1),
            (8, 40, 25, 20),
        ]
    ):
        yield Case(f"random_{i}", (_rankings(rng, m, n_docs, max_len, k), n_docs, k), "random")


def _rankings(rng, m, n_docs, max_len, k):
    while True:
        rankings = []
        for _ in range(m):
            length = int(rng.integers(0, max_len + 1))
            rankings.append(rng.choice(n_docs, size=length, replace=False).tolist())
        if _well_separated(rankings, k):
            return rankings


def _well_separated(rankings, k):
    """No document found by 3+ lists ties, or nearly ties, with another document."""
    exact, terms = {}, {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            exact[doc] = exact.get(doc, Fraction(0)) + 1 / (Fraction(k) + rank)
            terms[doc] = terms.get(doc, 0) + 1
    ordered = sorted(exact, key=exact.get)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if max(terms[a], terms[b]) >= 3 and exact[b] - exact[a] <= exact[b] * Fraction(1, 10**12):
            return False
    return True
