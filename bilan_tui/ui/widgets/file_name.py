"""A line of text holding a file name, wrapped between its parts, never inside a word.

A file name has no spaces, so a terminal wraps ``nadia-f-detail-consultant-
2026-12-05.md`` wherever the column ends ("consul / tant"). Here a line may
end only after a space or one of ``- _ . /``, so the name breaks between its
parts; a part wider than the whole column is the only thing cut.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from bilan_tui.domain.text import clean_text

_PIECE = re.compile(r"\d{4}-\d{2}-\d{2}[\s\-_./]*|[^\s\-_./]*[\s\-_./]*")
"""A part of the text and the separators after it: a line may end after one.

A date (``2026-12-05``) is one part: it reads badly cut in two."""


def break_lines(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken after separators.

    Args:
        text: A label and a file name or path, on one line.
        width: The column's width in cells (at least 1).
    """
    width = max(width, 1)
    label, colon, name = text.partition(": ")
    if colon and cell_len(text) > width and 0 < cell_len(name) <= width:
        # "File:" on its line and the name whole on the next, rather than cut in two.
        return [*break_lines(label + colon.rstrip(), width), name]
    lines: list[str] = []
    line = ""
    for piece in (found for found in _PIECE.findall(text) if found):
        if line and cell_len((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        while cell_len(piece.rstrip()) > width:  # one part wider than the column
            lines.append(piece[:width])
            piece = piece[width:]
        line += piece
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


class FileNameText:
    """A Rich renderable that draws :func:`break_lines` at the width it is given.

    Each line of the text (``\n``) is broken on its own, so a message that
    names a file among sentences can be drawn with it whole.
    """

    def __init__(self, text: str, style: str = "") -> None:
        self.text = clean_text(text)
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = [
            line
            for paragraph in self.text.split("\n")
            for line in break_lines(paragraph, options.max_width)
        ]
        yield Text("\n".join(lines), style=self.style, no_wrap=True, overflow="crop")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest_part = max((cell_len(p.rstrip()) for p in _PIECE.findall(self.text)), default=1)
        widest_line = max(cell_len(line) for line in self.text.split("\n"))
        return Measurement(min(widest_part, options.max_width), widest_line)
