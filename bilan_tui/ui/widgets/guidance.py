"""An exercise's guidance: its Markdown drawn as one widget.

Textual's ``Markdown`` widget mounts a widget per paragraph, list item and
bullet after it has parsed the text, which costs a screen one more layout
pass and dozens of widgets each time an exercise opens (DESIGN §12). The
guidance is read, never edited: here it is parsed once per process into
blocks of ``Content``, and drawn as lines wrapped at the widget's width,
with the look of Textual's ``Markdown`` (a blank line after a paragraph, a
bullet beside each item and its lines indented under it, quotes on a band).

Pack text is data, never markup (DESIGN §6): every piece of text becomes
literal ``Content``, stripped of control characters; styles are component
classes, set in ``exercise.tcss`` with theme variables.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content, Span
from textual.widget import Widget

from bilan_tui.domain.french_typography import typeset_french
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import language
from bilan_tui.ui.text import NO_BREAK_SPACES

if TYPE_CHECKING:
    from markdown_it.token import Token
    from textual.geometry import Size

BULLETS = ("• ", "▪ ", "‣ ", "⭑ ", "◦ ")
"""Textual's ``Markdown`` bullets, one per depth of list."""
QUOTE_BAR = "▌ "
RULE = "─"
_SPACES = re.compile(f"[^\\S{NO_BREAK_SPACES}]+")
"""A run of white space, read as one space; a no-break space is kept, as typed."""
_INLINE_STYLES = {
    "strong_open": ".guidance--strong",
    "em_open": ".guidance--em",
    "s_open": ".guidance--strike",
    "link_open": ".guidance--link",
}


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading, code block or rule, with what goes beside it.

    Attributes:
        text: The block's text, wrapped at the width left by the prefixes.
        first: What precedes its first line (a bullet, a quote's bar).
        rest: What precedes its other lines (as wide as ``first``).
        top: Blank lines above it (collapsed with the block before, as margins are).
        bottom: Blank lines under it.
        fill: A component class laid over whole lines (a quote's band), or "".
        right: Columns kept empty at the right of the text (a quote's padding).
        wrap: Whether the text wraps (code keeps its lines, cut at the edge).
        rule: Whether the block is a horizontal rule, as wide as the widget.
    """

    text: Content
    first: Content
    rest: Content
    top: int = 0
    bottom: int = 0
    fill: str = ""
    right: int = 0
    wrap: bool = True
    rule: bool = False


def inline_content(token: Token, *, french: bool = False) -> Content:
    """An inline token's text as literal ``Content``, styled by component classes.

    The same reading as Textual's ``Markdown``: runs of white space are one
    space, a soft break is a space, a hard break a new line.

    Args:
        token: An ``inline`` token from markdown-it.
        french: Whether to typeset the text with French no-break spaces
            (issue #20): each text run, then the whole paragraph, so that a
            ``:`` after a soft break or after bold text is held too. The whole
            is kept only if no character was added or removed (spaces are one
            character each here), so the styles' offsets stay right.
    """
    parts: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[str, int]] = []
    position = 0

    def add(text: str) -> None:
        nonlocal position
        text = clean_text(text)
        parts.append(text)
        position += len(text)

    for child in token.children or []:
        kind = child.type
        if kind == "text":
            text = _SPACES.sub(" ", child.content)
            add(typeset_french(text) if french else text)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "code_inline":
            start = position
            add(child.content)
            spans.append(Span(start, position, ".guidance--code"))
        elif kind in ("html_inline", "image"):
            add(child.content)
        elif kind in _INLINE_STYLES:
            opened.append((_INLINE_STYLES[kind], position))
        elif kind.endswith("_close") and opened:
            style, start = opened.pop()
            spans.append(Span(start, position, style))
    joined = "".join(parts)
    if french:
        typeset = typeset_french(joined)
        joined = typeset if len(typeset) == len(joined) else joined
    return Content(joined, spans=spans)


class _Builder:
    """Turns the token stream into blocks, keeping the prefixes of open lists and quotes."""

    def __init__(self, *, french: bool = False) -> None:
        self.french = french
        """Whether the text is typeset with French no-break spaces."""
        self.blocks: list[Block] = []
        self.prefixes: list[list[Content]] = []
        """[first line, other lines] of each open list item or quote, outermost first."""
        self.lists: list[list[int]] = []
        """[next number (0: bullets), first block] of each open list."""
        self.quotes: list[int] = []
        """The first block of each open quote."""
        self.row: list[Content] | None = None
        """The cells of the table row being read, one line once the row ends."""
        self.table = 0
        """The first block of the table being read."""

    @property
    def nested(self) -> bool:
        return bool(self.prefixes)

    def add(self, text: Content, *, top: int = 0, bottom: int = 0, **kind: bool) -> None:
        first = Content("").join(prefix[0] for prefix in self.prefixes)
        rest = Content("").join(prefix[1] for prefix in self.prefixes)
        for prefix in self.prefixes:
            prefix[0] = prefix[1]  # a bullet is drawn once, on its item's first line
        fill = ".guidance--quote" if self.quotes else ""
        right = 1 if self.quotes else 0
        self.blocks.append(Block(text, first, rest, top, bottom, fill, right, **kind))

    def margin(self, start: int, top: int, bottom: int) -> None:
        """Give the blocks from ``start`` on a container's margins (a list's, a quote's)."""
        if start < len(self.blocks):
            first, last = self.blocks[start], self.blocks[-1]
            self.blocks[start] = _with(first, top=max(first.top, top))
            last = self.blocks[-1]
            self.blocks[-1] = _with(last, bottom=max(last.bottom, bottom))

    def feed(self, tokens: list[Token]) -> list[Block]:
        for token in tokens:
            self.take(token)
        return self.blocks

    def take(self, token: Token) -> None:
        kind = token.type
        if kind == "inline" and self.row is not None:
            self.row.append(inline_content(token, french=self.french))
        elif kind == "inline":
            self.add(inline_content(token, french=self.french), bottom=0 if self.nested else 1)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start") or 1) if kind == "ordered_list_open" else 0
            self.lists.append([start, len(self.blocks)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            _number, start = self.lists.pop()
            if not self.lists:
                self.margin(start, 0, 1)
        elif kind == "list_item_open":
            numbering = self.lists[-1] if self.lists else [0, 0]
            if numbering[0]:
                symbol = f" {numbering[0]}. "
                numbering[0] += 1
            else:
                depth = sum(1 for entry in self.lists if not entry[0]) - 1
                symbol = BULLETS[depth % len(BULLETS)]
            bullet = Content(symbol).stylize(".guidance--bullet")
            self.prefixes.append([bullet, Content(" " * bullet.cell_length)])
        elif kind == "list_item_close":
            self.prefixes.pop()
        elif kind == "blockquote_open":
            self.quotes.append(len(self.blocks))
            bar = Content(QUOTE_BAR).stylize(".guidance--quote-bar")
            self.prefixes.append([bar, bar])
        elif kind == "blockquote_close":
            self.prefixes.pop()
            self.margin(self.quotes.pop(), 1, 1)
        elif kind == "heading_open":
            self.prefixes.append([Content(""), Content("")])
        elif kind == "heading_close":
            self.prefixes.pop()
            heading = self.blocks.pop()
            text = heading.text.stylize(".guidance--heading")
            self.blocks.append(_with(heading, text=text, top=1, bottom=1))
        elif kind in ("fence", "code_block"):
            code = Content(clean_text(token.content.rstrip("\n")))
            self.add(code.stylize(".guidance--code-block"), top=1, bottom=1, wrap=False)
        elif kind == "hr":
            self.add(Content(""), top=1, bottom=1, rule=True)
        elif kind == "html_block":
            self.add(Content(clean_text(token.content.strip())), bottom=0 if self.nested else 1)
        elif kind == "table_open":
            self.table = len(self.blocks)
        elif kind == "table_close":
            self.margin(self.table, 0, 0 if self.nested else 1)
        elif kind == "tr_open":
            self.row = []
        elif kind == "tr_close" and self.row is not None:
            self.add(Content(" │ ").join(self.row))
            self.row = None


def _with(block: Block, **changes: object) -> Block:
    return replace(block, **changes)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=64)
def parse_guidance(markdown: str, *, french: bool = False) -> tuple[Block, ...]:
    """The guidance's blocks, parsed once per process per text (the pack does not change).

    Args:
        markdown: The exercise's guidance.
        french: Whether it is shown in French, with French no-break spaces.
    """
    from markdown_it import MarkdownIt

    return tuple(_Builder(french=french).feed(MarkdownIt("gfm-like").parse(markdown)))


def guidance_lines(blocks: tuple[Block, ...], width: int) -> list[Content]:
    """The lines at ``width`` cells: margins collapsed, text wrapped beside its prefix."""
    lines: list[Content] = []
    below = 0
    for index, block in enumerate(blocks):
        lines.extend([Content("")] * (block.top if index == 0 else max(below, block.top)))
        room = max(1, width - block.first.cell_length - block.right)
        if block.rule:
            body = [Content(RULE * room).stylize(".guidance--rule")]
        elif block.wrap:
            body = block.text.wrap(room) or [Content("")]
        else:
            body = [line.truncate(room) for line in block.text.split("\n")]
        for number, line in enumerate(body):
            row = (block.first if number == 0 else block.rest) + line
            if block.fill:
                row = row.pad_right(max(0, width - row.cell_length)).stylize(block.fill)
            lines.append(row)
        below = block.bottom
    lines.extend([Content("")] * below)
    return lines


class Guidance(Widget):
    """The guidance of an exercise, as Textual's ``Markdown`` draws it, in one widget."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "guidance--strong",
        "guidance--em",
        "guidance--strike",
        "guidance--link",
        "guidance--code",
        "guidance--code-block",
        "guidance--bullet",
        "guidance--quote",
        "guidance--quote-bar",
        "guidance--heading",
        "guidance--rule",
    }

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = markdown
        """The Markdown shown (after ``shown_guidance`` cut it, if it had to)."""
        self._blocks = parse_guidance(markdown, french=language() == "fr")
        # The blank line under the last paragraph is a margin, as in Textual's
        # Markdown, so that it is drawn as the box behind it (not as text).
        if self._blocks and self._blocks[-1].bottom:
            self.styles.margin = (0, 0, self._blocks[-1].bottom, 0)
            self._blocks = (*self._blocks[:-1], _with(self._blocks[-1], bottom=0))
        self._drawn: tuple[int, int, Content] = (-1, 0, Content(""))

    def _lines(self, width: int) -> tuple[int, Content]:
        """How many lines, and the whole guidance, at ``width`` cells (kept for the last width)."""
        if self._drawn[0] != width:
            lines = guidance_lines(self._blocks, width)
            self._drawn = (width, len(lines), Content("\n").join(lines))
        return self._drawn[1], self._drawn[2]

    def render(self) -> Content:
        return self._lines(self.content_size.width)[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._lines(width)[0]
