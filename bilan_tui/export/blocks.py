"""The documents as blocks of styled text, for the PDF and DOCX renderers.

Every document is written once, with :class:`~bilan_tui.export.doc.Doc`,
whose Markdown escapes user text so that a parser gives it back unchanged
(the escaping property tests check this for any string). The HTML export
renders the token tree of the export parser (``html.markdown_parser``); this
module reads the same token tree into a few plain dataclasses (headings,
paragraphs, lists, tables of runs of text), which the Typst and Word writers
turn into their own structures. User text arrives here only as the ``text``
of a :class:`Run`: no renderer ever sees it as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .html import markdown_parser

if TYPE_CHECKING:
    from markdown_it.token import Token

BREAK = "\n"
"""The text of a run that stands for a line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with one style; ``text == BREAK`` is a line break."""

    text: str
    strong: bool = False
    emphasis: bool = False


Line = tuple[Run, ...]
"""The content of a paragraph, a heading, a list item or a table cell."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading, level 1 (the title) to 6."""

    level: int
    runs: Line


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph; its line breaks are ``BREAK`` runs."""

    runs: Line


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bullet list or a numbered list (numbered from ``start``)."""

    ordered: bool
    items: tuple[Line, ...]
    start: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row."""

    header: tuple[Line, ...]
    rows: tuple[tuple[Line, ...], ...]


Block = Heading | Paragraph | ListBlock | Table


@dataclass
class _Reader:
    """Walks the flat token stream, keeping the list or table being read."""

    blocks: list[Block] = field(default_factory=list)
    items: list[Line] | None = None
    item: list[Run] | None = None
    ordered: bool = False
    start: int = 1
    header: list[Line] = field(default_factory=list)
    rows: list[list[Line]] = field(default_factory=list)
    in_table: bool = False
    in_head: bool = False

    def inline(self, token: Token, heading: int) -> None:
        runs = runs_of(token.children or [])
        if self.in_table:
            (self.header if self.in_head else self.rows[-1]).append(runs)
        elif self.item is not None:
            if self.item:
                self.item.append(Run(BREAK))
            self.item.extend(runs)
        elif heading:
            self.blocks.append(Heading(heading, runs))
        else:
            self.blocks.append(Paragraph(runs))

    def feed(self, tokens: list[Token]) -> list[Block]:
        heading = 0
        for token in tokens:
            kind = token.type
            if kind == "inline":
                self.inline(token, heading)
            elif kind == "heading_open":
                heading = int(token.tag[1:])
            elif kind == "heading_close":
                heading = 0
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.items, self.ordered = [], kind == "ordered_list_open"
                self.start = int(str(token.attrGet("start") or 1))
            elif kind == "list_item_open":
                self.item = []
            elif kind == "list_item_close" and self.items is not None and self.item is not None:
                self.items.append(tuple(self.item))
                self.item = None
            elif kind in ("bullet_list_close", "ordered_list_close") and self.items is not None:
                self.blocks.append(ListBlock(self.ordered, tuple(self.items), self.start))
                self.items = None
            else:
                self.table_token(kind)
        return self.blocks

    def table_token(self, kind: str) -> None:
        if kind == "table_open":
            self.in_table, self.header, self.rows = True, [], []
        elif kind == "thead_open":
            self.in_head = True
        elif kind == "thead_close":
            self.in_head = False
        elif kind == "tr_open" and not self.in_head:
            self.rows.append([])
        elif kind == "table_close":
            self.in_table = False
            rows = tuple(tuple(row) for row in self.rows)
            self.blocks.append(Table(tuple(self.header), rows))


def runs_of(children: list[Token]) -> Line:
    """The styled runs of an inline token's children, neighbours of one style merged."""
    runs: list[Run] = []
    strong = emphasis = 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "hardbreak":
            runs.append(Run(BREAK))
        elif kind in ("text", "softbreak"):
            text = child.content if kind == "text" else " "
            style = (strong > 0, emphasis > 0)
            last = runs[-1] if runs else None
            if last and last.text != BREAK and (last.strong, last.emphasis) == style:
                runs[-1] = Run(last.text + text, *style)
            elif text:
                runs.append(Run(text, *style))
    return tuple(runs)


def read_blocks(markdown: str) -> list[Block]:
    """The blocks of a document written by this package."""
    return _Reader().feed(markdown_parser().parse(markdown))


def plain_text(runs: Line) -> str:
    """The text of some runs, line breaks as newlines (for tests and titles)."""
    return "".join(run.text for run in runs)
