"""What a hidden test may tell the user: a few facts from closed sets, rebuilt on the host.

Every byte a solution's process writes is the solution's to choose, and once the hidden inputs
are in its memory it can put them anywhere in what it writes: an exception's message, its class's
name, a traceback's text (the harness reads the lines from ``solution.py``, which the solution
may have rewritten), a test's time. So nothing of a hidden test's record is shown as written.
What is shown is chosen from closed sets, each a few bits at most: the test's status, the name
of a built-in exception (or "an exception of the solution's own class"), and the innermost frame
of the solution's own file as a line number within the submitted source and a function the source
defines, with that line's text taken from the source the host holds.
"""

from __future__ import annotations

import ast
import builtins
import re

from mlprep.pyparse import parse

BUILTIN_EXCEPTIONS = frozenset(
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
)
OWN_EXCEPTION = "an exception of the solution's own class"
# Frames Python names itself rather than after a ``def`` or ``class`` of the source.
_IMPLICIT_SCOPES = frozenset(
    {"<module>", "<lambda>", "<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>"}
)
_FRAME = re.compile(r'^  File "solution\.py", line (\d{1,7}), in (\S{1,200})$', re.MULTILINE)


def hidden_error_text(error: str, traceback: str, source: str) -> str:
    """The runtime error of a hidden test as the user sees it: a built-in exception's name and
    the innermost frame of the solution, both checked against what the host knows."""
    name = error if error in BUILTIN_EXCEPTIONS else OWN_EXCEPTION
    frame = innermost_frame(traceback, source)
    return f"Traceback (your code):\n{frame}{name}" if frame else name


def innermost_frame(traceback: str, source: str) -> str:
    """The last frame the traceback names, re-told from ``source``; "" if it names none that
    exists there (a line past the end, or a function the source does not define)."""
    frames = _FRAME.findall(traceback)
    if not frames:
        return ""
    line_text, function = frames[-1]
    line = int(line_text)
    lines = source.splitlines()
    if not (1 <= line <= len(lines) and function in scope_names(source)):
        return ""
    text = lines[line - 1].strip()
    shown = f"    {text}\n" if text else ""
    return f'  File "solution.py", line {line}, in {function}\n{shown}'


def scope_names(source: str) -> frozenset[str]:
    """The names a frame of code compiled from ``source`` can have."""
    try:
        tree = parse(source)
    except (SyntaxError, ValueError):
        return _IMPLICIT_SCOPES
    defined = {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    return _IMPLICIT_SCOPES | defined
