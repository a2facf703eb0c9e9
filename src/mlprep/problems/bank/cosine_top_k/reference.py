import numpy as np


def cosine_top_k(queries, docs, k):
    queries = np.asarray(queries, dtype=float)
    docs = np.asarray(docs, dtype=float)
    q_norm = np.linalg.norm(queries, axis=1)
    d_norm = np.linalg.norm(docs, axis=1)
    denom = np.outer(q_norm, d_norm)
    sims = np.divide(queries @ docs.T, denom, out=np.zeros_like(denom), where=denom > 0)
    # A stable sort of the negated similarities keeps equal scores in index order.
    order = np.argsort(-sims, axis=1, kind="stable")
    return order[:, :k].astype(np.int64)
