"""Unicode bars for the hours: the dashboard panel and the weekly chart share them.

A bar is drawn in eighths of a cell (``▏▎▍▌▋▊▉█``) so that small amounts still
show, and a non-zero amount never rounds down to an empty bar.
"""

from __future__ import annotations

from textual.content import Content

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
EMPTY = "░"


def bar_cells(value: float, total: float, width: int) -> str:
    """The filled part of a bar of ``width`` cells showing ``value`` out of ``total``.

    Values over ``total`` fill the whole width. The result is at most
    ``width`` characters; it is never empty when ``value`` is positive.
    """
    if width <= 0 or total <= 0 or value <= 0:
        return ""
    eighths = max(1, round(min(value / total, 1.0) * width * 8))
    whole, rest = divmod(eighths, 8)
    return FULL * whole + (EIGHTHS[rest] if rest else "")


def bar(value: float, total: float, width: int, style: str, track: str = "") -> Content:
    """A bar ``width`` cells wide: the filled part in ``style``, the rest as a track.

    Args:
        value: The amount to show.
        total: The amount that fills the bar.
        width: Cells available.
        style: Style of the filled part (a theme variable such as ``$accent``).
        track: Style of the unfilled part; empty means spaces, no track.
    """
    filled = bar_cells(value, total, width)
    rest = width - len(filled)
    if track:
        return Content.assemble((filled, style), (EMPTY * rest, track))
    return Content.assemble((filled, style), " " * rest)
