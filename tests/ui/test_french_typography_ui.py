"""What the app shows in French holds its punctuation to the word before (#20)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static
from textual.widgets._markdown import MarkdownTable
from textual.widgets.markdown import MarkdownBlock

from bilan_tui.i18n import language, set_language
from bilan_tui.ui.text import french, plain
from bilan_tui.ui.widgets.french_markdown import FrenchMarkdown

TEXT = "Cette page sert à reprendre le fil : ce que vous avez pu faire ? « Oui » !"


@pytest.fixture
def in_french() -> Iterator[None]:
    before = language()
    set_language("fr")
    yield
    set_language(before)


def _bad(line: str) -> bool:
    shown = line.strip()
    return shown.startswith((":", ";", "!", "?", "»")) or shown.endswith("«")


class _Shown(App[None]):
    def compose(self) -> ComposeResult:
        yield FrenchMarkdown(
            "# Aide\n\n" + french(TEXT) + "\n\n| a | b |\n|---|---|\n| x : y | z |"
        )
        yield Static(plain(TEXT), id="static")


@pytest.mark.usefixtures("in_french")
async def test_french_markdown_and_statics_keep_no_break_spaces() -> None:
    app = _Shown()
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        blocks = [block._content.plain for block in app.query(MarkdownBlock) if block._content]
        assert french(TEXT) in blocks
        assert french(TEXT) != TEXT
        _headers, rows = app.query_one(MarkdownTable)._get_headers_and_rows()
        assert rows[0][0].plain == "x\u00a0: y"
        static = app.query_one("#static", Static)
        for width in range(10, 60):
            lines = [line.plain for line in static.visual.wrap(width)]  # type: ignore[union-attr]
            assert not any(_bad(line) for line in lines), (width, lines)


@pytest.mark.usefixtures("in_french")
async def test_notifications_are_typeset_in_french() -> None:
    from bilan_tui.ui.app import BilanApp

    shown: list[str] = []

    class Probe(BilanApp):
        def __init__(self) -> None:  # no pack, no workbook: only notify is used
            pass

    probe = Probe.__new__(Probe)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("textual.app.App.notify", lambda self, message, **kw: shown.append(message))
        BilanApp.notify(probe, "Enregistré : oui ?")
    assert shown == ["Enregistré\u00a0: oui\u202f?"]


@pytest.mark.usefixtures("in_french")
def test_no_shipped_french_label_or_help_line_starts_with_punctuation() -> None:
    from bilan_tui.packs import load_shipped_pack

    texts = [
        text
        for exercise in load_shipped_pack("fr").exercises
        for field in exercise.fields
        for text in (field.label, field.help, exercise.summary or "")
        if text
    ]
    assert texts
    for text in texts:
        shown = plain(text)
        for width in range(40, 121):
            lines = [line.plain for line in shown.wrap(width)]
            assert not any(_bad(line) for line in lines), (width, lines)
