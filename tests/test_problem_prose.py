"""The problems' prose renders as written: no wrapped line read as the start of a list.

CommonMark lets a list interrupt a paragraph, so a wrapped line that happens to begin with
``1. ``, ``- `` or ``+ `` (a number ending a sentence, a minus sign in a formula) silently becomes
a list item. A list that really follows a paragraph comes after a line that ends with ``:`` or
``.``, or after a closed ``$$...$$`` display.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlprep.problems.loader import bank_dir
from mlprep.web.render import _parser

PROSE = sorted(bank_dir().glob("*/*.md"))


def wrapped_lines_read_as_lists(text: str) -> list[str]:
    """The lines that start a list in the middle of a sentence or formula."""
    lines = text.splitlines()
    tokens = _parser().parse(text)
    found = []
    for i, token in enumerate(tokens):
        if token.type not in ("ordered_list_open", "bullet_list_open"):
            continue
        line = token.map[0]
        if not _ends_a_paragraph(tokens[:i], line):
            continue
        previous = lines[line - 1].rstrip()
        if not (previous.rstrip("*").endswith((":", ".")) or previous.endswith("$$")):
            found.append(f"line {line + 1}: {lines[line].strip()[:50]}")
    return found


def _ends_a_paragraph(before: list, line: int) -> bool:
    """Whether the token just before is a paragraph whose last line is ``line - 1``."""
    if not before or before[-1].type != "paragraph_close":
        return False
    opening = next(t for t in reversed(before) if t.type == "paragraph_open")
    return opening.map[1] == line


def test_the_check_finds_a_sentence_wrapped_before_a_number():
    text = "the weights of the row sum to\n1. A 1 leaves the score as it is.\n"
    assert wrapped_lines_read_as_lists(text) == ["line 2: 1. A 1 leaves the score as it is."]


def test_the_check_finds_a_formula_wrapped_before_a_plus():
    text = "It is $a + b\n+ c = 3$ here.\n"
    assert wrapped_lines_read_as_lists(text) == ["line 2: + c = 3$ here."]


def test_the_check_lets_a_list_after_a_colon_through():
    text = "Rules:\n1. first\n2. second\n\nA tuple `(a, b)`:\n- `a`: one;\n"
    assert wrapped_lines_read_as_lists(text) == []


@pytest.mark.parametrize("path", PROSE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_wrapped_line_of_a_statement_or_editorial_becomes_a_list(path: Path):
    assert wrapped_lines_read_as_lists(path.read_text(encoding="utf-8")) == []
