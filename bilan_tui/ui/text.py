"""Turning user and pack text into something Textual shows literally.

Text typed by the person or written in a pack is data, never markup
(DESIGN §6): ``[/]`` in an answer must not crash the app and ``[@click=...]``
must not become an action. Everything shown goes through :func:`plain`.
"""

from __future__ import annotations

from textual.content import Content

from bilan_tui.domain.text import clean_text


def plain(text: str) -> Content:
    """Literal content, with terminal control characters removed."""
    return Content(clean_text(text))
