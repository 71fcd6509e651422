"""The one yes-or-no dialog: it answers, the screen that asked does the work (#22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button, Static

from bilan_tui.ui.screens.confirm import Confirm


class Asker(App[None]):
    """Shows one dialog and keeps its answer."""

    def __init__(self, dialog: Confirm) -> None:
        super().__init__()
        self.dialog = dialog
        self.answers: list[bool | None] = []

    def compose(self) -> ComposeResult:
        yield Static("behind")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


@pytest.mark.parametrize(
    ("keys", "answer"), [(("y",), True), (("o",), True), (("n",), False), (("escape",), False)]
)
async def test_keys_answer(keys: tuple[str, ...], answer: bool) -> None:
    app = Asker(Confirm("Delete “[/]”?", "an entry"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
    assert app.answers == [answer]


@pytest.mark.parametrize(("focus_yes", "focused"), [(False, "confirm-no"), (True, "confirm-yes")])
async def test_the_safe_button_has_the_focus_unless_it_can_be_undone(
    focus_yes: bool, focused: str
) -> None:
    app = Asker(Confirm("Delete?", focus_yes=focus_yes))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Button)
        assert app.focused.id == focused
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question == "Delete?"
        assert not app.screen.query("#confirm-detail"), "no detail line when none is given"
        await pilot.press("enter")
        await pilot.pause()
    assert app.answers == [focus_yes]


def test_its_css_reaches_no_other_screen() -> None:
    """Textual loads a screen's CSS_PATH for the whole app: every rule starts with Confirm."""
    import re

    import bilan_tui.ui.screens.confirm as module

    css = (Path(module.__file__).parent / Confirm.CSS_PATH).read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = [block.split("{")[0].strip() for block in css.split("}") if "{" in block]
    assert selectors
    for selector in selectors:
        for part in selector.split(","):
            assert part.strip().startswith("Confirm"), part
