"""Rich's and Textual's wrapping never breaks a line at a no-break space (#20)."""

from __future__ import annotations

import rich._wrap
from rich.console import Console
from rich.text import Text
from textual.content import Content

from bilan_tui.ui import text as ui_text

SENTENCE = (
    "Cette page sert à reprendre le fil\u00a0: ce que vous avez pu faire\u202f?"
    " et «\u00a0oui\u00a0» fin"
)


def _bad(line: str) -> bool:
    shown = line.strip()
    return shown.startswith((":", ";", "!", "?", "»")) or shown.endswith("«")


def test_rich_still_reads_words_from_the_patched_pattern() -> None:
    assert rich._wrap.re_word is ui_text.WORD
    assert [word for _s, _e, word in rich._wrap.words("a\u00a0: b")] == ["a\u00a0: ", "b"]


def test_content_wrap_keeps_no_break_spaces_in_the_word() -> None:
    for width in range(8, 80):
        lines = [line.plain for line in Content(SENTENCE).wrap(width)]
        assert not any(_bad(line) for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")


def test_rich_text_wrap_keeps_no_break_spaces_in_the_word() -> None:
    console = Console(width=200)
    for width in range(8, 80):
        lines = [line.plain for line in Text(SENTENCE).wrap(console, width)]
        assert not any(_bad(line) for line in lines), (width, lines)


def test_plain_typesets_french_only() -> None:
    from bilan_tui.i18n import language, set_language

    before = language()
    try:
        set_language("fr")
        assert ui_text.plain("Note : oui ?").plain == "Note\u00a0: oui\u202f?"
        set_language("en")
        assert ui_text.plain("Note : oui ?").plain == "Note : oui ?"
    finally:
        set_language(before)
