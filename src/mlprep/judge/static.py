"""Checks made on the source text before anything runs: size, encoding, syntax, imports, name.

Parsing is not running: ``ast.parse`` never executes the candidate's code.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass

from mlprep.pyparse import parse

MAX_SOURCE_BYTES = 64 * 1024

# Packages that solve the exercise for you: named so the message can say why.
KNOWN_SHORTCUTS = {
    "sklearn": "scikit-learn",
    "scipy": "SciPy",
    "torch": "PyTorch",
    "tensorflow": "TensorFlow",
    "jax": "JAX",
    "pandas": "pandas",
    "statsmodels": "statsmodels",
    "keras": "Keras",
    "xgboost": "XGBoost",
    "lightgbm": "LightGBM",
}


@dataclass(frozen=True)
class StaticProblem:
    verdict: str  # "compile_error" or "forbidden"
    message: str


def decode_source(data: bytes) -> str | StaticProblem:
    if len(data) > MAX_SOURCE_BYTES:
        return StaticProblem(
            "compile_error", f"the solution is {len(data)} bytes; the limit is {MAX_SOURCE_BYTES}"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return StaticProblem(
            "compile_error", f"the solution is not UTF-8 text (byte {exc.start} is invalid)"
        )


def check_source(source: str, function: str, allowed: list[str]) -> StaticProblem | None:
    """The first reason the source cannot be run, or None."""
    try:
        tree = parse(source, filename="solution.py")
    except SyntaxError as exc:
        where = f"line {exc.lineno}, column {exc.offset}" if exc.lineno else "unknown position"
        text = (exc.text or "").rstrip("\n")
        caret = f"\n    {text}\n    {' ' * max((exc.offset or 1) - 1, 0)}^" if text else ""
        return StaticProblem("compile_error", f"SyntaxError at {where}: {exc.msg}{caret}")
    except (ValueError, RecursionError, MemoryError) as exc:
        return StaticProblem("compile_error", f"the solution cannot be parsed: {exc}")
    return _forbidden_import(tree, allowed) or _missing_function(tree, function)


def _imported_modules(tree: ast.AST) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno))
    return found


def _forbidden_import(tree: ast.AST, allowed: list[str]) -> StaticProblem | None:
    for module, line in _imported_modules(tree):
        top = module.split(".")[0]
        if top in allowed or (top in sys.stdlib_module_names and top not in KNOWN_SHORTCUTS):
            continue
        if top in KNOWN_SHORTCUTS:
            why = f"{KNOWN_SHORTCUTS[top]} would do the exercise for you: implement it with NumPy"
        else:
            why = "only NumPy, math and the Python standard library are available"
        return StaticProblem(
            "forbidden", f"line {line}: import of '{module}' is not allowed: {why}"
        )
    return None


def _missing_function(tree: ast.Module, function: str) -> StaticProblem | None:
    """Only a clear absence: no top-level def, assignment or import binds the name."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if node.name == function:
                return None
        elif isinstance(node, ast.Import | ast.ImportFrom):
            if any((a.asname or a.name.split(".")[0]) == function for a in node.names):
                return None
        elif not isinstance(node, ast.Expr):
            return None  # an assignment, a loop or a conditional may bind it: let the run tell
    return StaticProblem("compile_error", f"the solution defines no function named '{function}'")
