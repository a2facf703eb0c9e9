"""Markdown to HTML for statements, editorials and answers, with math left for KaTeX.

``$...$`` and ``$$...$$`` become ``<span class="math inline">`` and ``<div class="math block">``
holding the escaped TeX; the page renders them with the bundled KaTeX. Raw HTML in the source is
escaped, not passed through.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markupsafe import Markup


@functools.cache
def _parser() -> MarkdownIt:
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    return parser.use(dollarmath_plugin, double_inline=True)


def markdown(text: str) -> Markup:
    return Markup(_parser().render(text))


def without_title(text: str) -> str:
    """The Markdown without its leading ``# Title`` line, for pages that show the title already."""
    first, _, rest = text.lstrip().partition("\n")
    return rest if first.startswith("# ") else text
