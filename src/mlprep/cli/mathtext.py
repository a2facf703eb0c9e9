"""Math in the terminal: the ``$...$`` and ``$$...$$`` spans of Markdown as readable Unicode.

Statements, breadth questions and model answers write math as LaTeX between dollars (the web
renders it with KaTeX). For the terminal each span is converted by ``pylatexenc``'s
``LatexNodes2Text`` (``$1 \\le n \\le 2000$`` becomes ``1 ≤ n ≤ 2000``), and only the spans: the
rest of the Markdown, code spans and fenced code included, is left for Rich to lay out.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylatexenc.latex2text import LatexNodes2Text
    from rich.markdown import Markdown

_CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.DOTALL)
_MATH = re.compile(
    r"\$\$(?P<display>.+?)\$\$"  # display math, may span lines
    # inline math: $x$, which may wrap a line, but not the dollars of "$5 or $6"
    r"|(?<![\\$\w])\$(?P<inline>[^\s$](?:(?:[^$\n]|\n(?![ \t]*\n))*?[^$\\])?)\$(?![\w$])",
    re.DOTALL,
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_SIMPLE = re.compile(r"[\w.′^]+|\([^()]*\)")


def _fraction(n, l2tobj) -> str:  # noqa: ANN001  (pylatexenc's callback signature)
    """``\\frac{a}{b}`` as ``a/b``, with parentheses around a part that is not a single term."""
    args = [a for a in (n.nodeargd.argnlist if n.nodeargd else []) if a is not None]
    parts = [l2tobj.nodelist_to_text([a]).strip() for a in args[-2:]]
    return "/".join(p if _SIMPLE.fullmatch(p) else f"({p})" for p in parts)


@functools.cache
def _converter() -> LatexNodes2Text:
    from pylatexenc.latex2text import (
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )

    context = get_default_latex_context_db()
    context.add_context_category(
        "mlprep",
        prepend=True,
        macros=[MacroTextSpec(name, simplify_repl=_fraction) for name in ("frac", "dfrac", "tfrac")]
        + [MacroTextSpec("|", simplify_repl="‖")],
    )
    return LatexNodes2Text(
        latex_context=context, math_mode="text", strict_latex_spaces="based-on-source"
    )


def latex_to_unicode(latex: str) -> str:
    """One LaTeX math expression as plain Unicode text (as written if it cannot be parsed)."""
    try:
        return " ".join(_converter().latex_to_text(latex).split())
    except Exception:  # noqa: BLE001  (a malformed span is shown as written, never a crash)
        return latex


def math_to_unicode(text: str, *, markdown: bool = True) -> str:
    """``text`` with each math span converted; with ``markdown``, escaped so Markdown keeps it."""

    def convert(found: re.Match[str]) -> str:
        display = found.group("display") is not None
        plain = latex_to_unicode(found.group("display") if display else found.group("inline"))
        if markdown:
            plain = _MARKDOWN_SPECIAL.sub(r"\\\1", plain)
        return f"\n\n{plain}\n\n" if display and markdown else plain

    pieces = _CODE.split(text)
    return "".join(p if i % 2 else _MATH.sub(convert, p) for i, p in enumerate(pieces))


def markdown(text: str) -> Markdown:
    """A Rich Markdown renderable of ``text`` with its math as Unicode."""
    from rich.markdown import Markdown

    return Markdown(math_to_unicode(text))
