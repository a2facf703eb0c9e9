"""Hand-made edge cases first (relevant documents just past the cut-off, queries with nothing to
find, several relevant documents in the top k, k = 1 and k beyond the list), then seeded random
retrievers of many sizes whose candidates contain the relevant documents with varying luck."""

import numpy as np

from mlprep.problems import Case


def _c(rows):
    return np.array(rows, dtype=np.int64)


def cases(rng):
    # The statement's example: a hit at rank 3, a relevant document at rank 4 (past k = 3),
    # a query with nothing to find, and a hit at rank 1.
    yield Case(
        "example",
        (
            _c([[4, 2, 7, 1], [3, 5, 0, 9], [8, 6, 2, 4], [1, 0, 5, 6]]),
            [[7, 1], [9], [], [6, 1]],
            3,
        ),
        "basic",
    )
    yield Case(
        "nothing_to_find",
        (_c([[0, 1, 2], [3, 4, 5], [6, 7, 8]]), [[], [5], []], 2),
        "empty relevant set",
    )
    yield Case(
        "k_larger_than_list",
        (_c([[5, 3, 1], [2, 0, 4]]), [[1], [7, 8]], 10),
        "k > L",
    )

    yield Case(
        "all_queries_empty",
        (_c([[0, 1], [1, 0]]), [[], []], 1),
        "empty relevant set",
    )
    # The first relevant document sits right after the cut-off in every query.
    yield Case(
        "relevant_just_past_k",
        (_c([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]), [[2], [6, 7], [10]], 2),
        "cut-off",
    )
    # Three of three relevant documents found in query 0, one of four in query 1: one hit each.
    yield Case(
        "hit_counts_once",
        (_c([[9, 8, 7, 6, 5], [0, 1, 2, 3, 4]]), [[9, 8, 7], [1, 20, 21, 22]], 5),
        "several relevant",
    )
    # Queries that miss still count in the MRR denominator.
    yield Case(
        "misses_count_in_mrr",
        (_c([[1, 2, 3], [4, 5, 6], [7, 8, 9], [2, 1, 0]]), [[2], [0], [11], [0]], 3),
        "misses",
    )
    yield Case(
        "k_equals_one",
        (_c([[3, 1, 2], [1, 3, 2], [2, 1, 3]]), [[1], [1, 2], [3]], 1),
        "k = 1",
    )
    yield Case("single_query_hit_last", (_c([[6, 5, 4, 3, 2, 1]]), [[1]], 6), "one query")
    yield Case("single_query_miss", (_c([[0, 1]]), [[2, 3]], 2), "one query")
    # Relevant ids the retriever never returned: the query misses, it is not left out.
    yield Case(
        "relevant_never_retrieved",
        (_c([[0, 1, 2], [3, 4, 5]]), [[40, 41], [4]], 3),
        "misses",
    )
    yield Case(
        "empty_queries_between",
        (_c([[0, 1, 2], [2, 1, 0], [1, 2, 0], [0, 2, 1]]), [[], [1], [], [0, 1]], 2),
        "empty relevant set",
    )

    for i, (q, n_docs, length, k, p_empty) in enumerate(
        [
            (20, 50, 10, 5, 0.1),
            (200, 500, 20, 10, 0.2),
            (1000, 2000, 50, 20, 0.05),
            (500, 100, 30, 1, 0.0),
            (300, 1000, 10, 50, 0.3),
            (2000, 300, 5, 3, 0.1),
        ]
    ):
        yield Case(f"random_{i}", _retriever(rng, q, n_docs, length, k, p_empty), "random")


def _retriever(rng, q, n_docs, length, k, p_empty):
    candidates = np.empty((q, length), dtype=np.int64)
    relevant = []
    for i in range(q):
        docs = rng.choice(n_docs, size=length + 5, replace=False)
        candidates[i] = docs[:length]
        if rng.random() < p_empty:
            relevant.append([])
            continue
        n_rel = int(rng.integers(1, 5))
        # Relevant documents come partly from the candidates (anywhere in the list), partly from
        # documents the retriever missed.
        from_list = rng.choice(length, size=min(n_rel, length), replace=False)
        keep = rng.random(len(from_list)) < 0.6
        missed = docs[length:][: n_rel - int(keep.sum())]
        relevant.append(sorted(int(d) for d in (*docs[from_list[keep]], *missed)))
    return candidates, relevant, k
