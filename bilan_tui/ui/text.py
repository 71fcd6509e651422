"""Turning user and pack text into something Textual shows literally.

Text typed by the person or written in a pack is data, never markup
(DESIGN §6): ``[/]`` in an answer must not crash the app and ``[@click=...]``
must not become an action. Everything shown goes through :func:`plain`.

French is shown as the exports print it (issue #20): a no-break space before
``: ; ! ?`` and inside ``« »``, so that no line starts with ``:`` or leaves a
guillemet alone. Rich's and Textual's wrapping (``rich._wrap.divide_line``,
which ``Content.wrap`` and every ``Static``/``Label`` use) finds words with
``\\s*\\S+\\s*``, and Python's ``\\s`` matches U+00A0 and U+202F: they would
break there like any space. :func:`keep_no_break_spaces` teaches it that a
no-break space is part of the word, as Unicode's line breaking (UAX #14,
class GL) has it. The characters stay the real ones, so copying a line gives
the text with its no-break spaces, not a look-alike glyph.
"""

from __future__ import annotations

import re

import rich._wrap
from textual.content import Content

from bilan_tui.domain.french_typography import typeset_french
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import language

NO_BREAK_SPACES = "\u00a0\u202f\u2007\u2060"
"""No-break space, narrow no-break space, figure space and word joiner."""
_BREAKING = f"[^\\S{NO_BREAK_SPACES}]"
_GLUED = f"[\\S{NO_BREAK_SPACES}]"
WORD = re.compile(f"{_BREAKING}*{_GLUED}+{_BREAKING}*")
"""Rich's word (spaces, a word, spaces) where a no-break space belongs to the word."""


def keep_no_break_spaces() -> None:
    """Make Rich's and Textual's wrapping never break a line at a no-break space.

    ``rich._wrap.words`` reads the module's ``re_word`` on each call; it is the
    only place where both libraries decide where a word ends, so replacing it
    fixes every widget at once instead of re-wrapping each one by hand.
    ``tests/unit/test_no_break_wrap.py`` fails if Rich renames it.
    """
    rich._wrap.re_word = WORD


keep_no_break_spaces()


def french(text: str) -> str:
    """``text`` typeset with French no-break spaces if the interface is in French.

    Pack text (the French pack is typed with plain spaces) and, in read-only
    displays, the person's answers are typeset as the exports do; what she
    typed is never changed in the editors, which do not go through here.
    """
    return typeset_french(text) if language() == "fr" else text


def plain(text: str) -> Content:
    """Literal content, control characters removed, typeset if shown in French."""
    return Content(french(clean_text(text)))


def french_content(content: Content) -> Content:
    """``content`` typeset in French, its styles kept, if the interface is in French.

    Only spaces turn into no-break spaces, one character for one, so the
    styles' offsets stay right; should the rule add a character (``«mot»``
    typed without spaces), the content is left as it was rather than shift
    its styles.
    """
    text = content.plain
    typeset = french(text)
    if typeset == text or len(typeset) != len(text):
        return content
    return Content(typeset, spans=list(content.spans))
