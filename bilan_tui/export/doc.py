"""A small Markdown writer whose every text argument is escaped.

Documents are built from blocks (headings, paragraphs, lists, tables). Every
method takes plain text and escapes it, so user and pack text can only ever
be text; ``raw`` is the one door for Markdown this package wrote itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from .escape import escape_block, escape_cell, escape_inline


def strong(text: str) -> str:
    """Bold Markdown for a one-line text."""
    return f"**{escape_inline(text)}**"


def emphasis(text: str) -> str:
    """Italic Markdown for a one-line text."""
    return f"*{escape_inline(text)}*"


class Doc:
    """Blocks of Markdown, joined by blank lines."""

    def __init__(self, colon: str = ": ") -> None:
        self.blocks: list[str] = []
        self.colon = colon

    def heading(self, level: int, text: str) -> None:
        """``#`` to ``######`` and the text on one line."""
        self.blocks.append("#" * level + " " + escape_inline(text))

    def para(self, text: str) -> None:
        """A paragraph keeping the text's line breaks."""
        if text:
            self.blocks.append(escape_block(text))

    def note(self, text: str) -> None:
        """A short italic remark (a section not explored yet, a caveat)."""
        self.blocks.append(emphasis(text))

    def labelled(self, label: str, value: str | None) -> None:
        """``**Label** : value`` as one paragraph; nothing when value is empty."""
        if value:
            self.blocks.append(labelled(label, value, self.colon))

    def bullets(self, items: Sequence[str]) -> None:
        """A bullet list of Markdown items (already escaped: see ``labelled``)."""
        if items:
            self.blocks.append("\n".join("- " + _indent(item, 2) for item in items))

    def numbered(self, items: Sequence[str]) -> None:
        """A numbered list of Markdown items (already escaped)."""
        if items:
            lines = []
            for number, item in enumerate(items, start=1):
                prefix = f"{number}. "
                lines.append(prefix + _indent(item, len(prefix)))
            self.blocks.append("\n".join(lines))

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """A table of plain text cells; nothing without rows."""
        if not rows:
            return
        lines = [
            "| " + " | ".join(escape_cell(cell) for cell in headers) + " |",
            "|" + "|".join("---" for _ in headers) + "|",
        ]
        lines.extend("| " + " | ".join(escape_cell(cell) for cell in row) + " |" for row in rows)
        self.blocks.append("\n".join(lines))

    def raw(self, markdown: str) -> None:
        """Markdown written by this package (never user text)."""
        if markdown:
            self.blocks.append(markdown)

    def text(self) -> str:
        """The whole document."""
        return "\n\n".join(self.blocks) + "\n"


def labelled(label: str, value: str, colon: str = ": ") -> str:
    """``**Label** : value``, the value keeping its line breaks."""
    return strong(label) + colon + escape_block(value)


def plain(text: str) -> str:
    """Escaped text for a list item."""
    return escape_block(text)


def _indent(markdown: str, width: int) -> str:
    """Continuation lines indented under their list item."""
    return markdown.replace("\n", "\n" + " " * width)
