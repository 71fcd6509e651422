"""Textual's ``Markdown`` with French no-break spaces that hold (#20).

The help page is Markdown built from catalog strings. Textual's ``Markdown``
reads each text run with ``re.sub(r"\\s+", " ", ...)``, and Python's ``\\s``
matches U+00A0 and U+202F, so no-break spaces put in the source are lost
before the text is wrapped. Here each block typesets its text after Textual
has read it, as ``Content`` (the only hook every inline block passes through:
``MarkdownBlock._token_to_content``), and the wrapping keeps a no-break space
in its word (``bilan_tui.ui.text.keep_no_break_spaces``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from bilan_tui.ui.text import french_content

if TYPE_CHECKING:
    from markdown_it.token import Token
    from textual.content import Content


@functools.cache
def _french_block(block: type[MarkdownBlock]) -> type[MarkdownBlock]:
    """``block`` whose text is typeset in French (a subclass: its CSS still applies)."""

    def _token_to_content(self: MarkdownBlock, token: Token) -> Content:
        return french_content(block._token_to_content(self, token))

    return type(block.__name__, (block,), {"_token_to_content": _token_to_content})


class FrenchMarkdown(Markdown):
    """``Markdown`` whose paragraphs, headings, items and cells are typeset in French."""

    def get_block_class(self, block_name: str) -> type[MarkdownBlock]:
        return _french_block(super().get_block_class(block_name))
