""" "Did you mean": the known names closest to one the user mistyped (problem slugs, case names).

Standard library only (``difflib``), so the judge's fast path can use it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MOST = 3


def close_names(name: str, known: Iterable[str], most: int = MOST) -> list[str]:
    """Up to ``most`` known names like ``name``: those containing it first, then the closest."""
    names = list(known)
    wanted = name.strip().lower()
    containing = [n for n in names if wanted and wanted in n.lower() and n.lower() != wanted]
    close = difflib.get_close_matches(wanted, names, n=most, cutoff=0.6)
    return list(dict.fromkeys(close + containing))[:most]


def did_you_mean(name: str, known: Iterable[str], listing: str) -> str:
    """``"; did you mean 'a' or 'b'?"``, or where to list them (``listing``) when none is close."""
    names = close_names(name, known)
    if not names:
        return f" ({listing})"
    quoted = [f"'{n}'" for n in names]
    choices = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"; did you mean {choices}?"
