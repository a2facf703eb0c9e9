"""Parsing Python source from many threads at once: one parse at a time.

CPython 3.11's AST constructor counts its recursion depth in state that every thread shares, so
two threads parsing at once can fail with "SystemError: AST constructor recursion depth
mismatch" (python/cpython#106905, seen here once with the judge pool's two threads). The judge
parses every submission on the host (its threads: the web server's pool, a worker's
``--concurrency``), and the web process parses signatures for custom runs: all of it goes
through :func:`parse`.
"""

from __future__ import annotations

import ast
import threading

_PARSING = threading.Lock()


def parse(source: str, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse``, one thread at a time; it raises what ``ast.parse`` raises."""
    with _PARSING:
        return ast.parse(source, filename=filename)


def signature_arguments(signature: str) -> ast.arguments:
    """The parameters of a problem's signature, ``name(a, b=1) -> type``."""
    head = signature.split("->")[0].strip()
    function = parse(f"def {head}: pass").body[0]
    assert isinstance(function, ast.FunctionDef)
    return function.args
