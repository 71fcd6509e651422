"""F1 lists the keys of the screen it is opened from, in the footer's notation (#20.14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan_tui.ui.screens.help import HelpScreen

from .helpers import make_app, shipped_pack, wait_for_session


@pytest.mark.parametrize(
    ("exercise", "expected"),
    [
        (
            None,
            {"⏎": "Open the exercise", "n": "Open the suggested exercise", "f1": "Show the help"},
        ),
        ("interets", {"1–5": "Answer with a digit", "^g": "Show or hide the guidance"}),
        # The grid's digits come from digit_keys: one row for the range (#22).
        ("competences", {"0–3": "Rate the skill on the chosen axis", "del ⌫": "Clear"}),
        ("realisations", {"a": "Add an entry", "d": "Delete the highlighted entry"}),
        ("valeurs", {"^pgdn ^→": "Next step", "^pgup ^←": "Previous step", "del ⌫": "Take"}),
    ],
)
async def test_f1_lists_every_key_of_the_screen(
    tmp_path: Path, exercise: str | None, expected: dict[str, str]
) -> None:
    app = make_app(tmp_path / "wb.sqlite", shipped_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_session(app, pilot)
        if exercise is not None:
            app.open_exercise(exercise)
            await pilot.pause()
            await pilot.pause()
        shown = {
            app.get_key_display(active.binding)
            for active in app.screen.active_bindings.values()
            if active.binding.show
        }
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {row.keys: row.action for row in help_screen.keys}
        for keys, action in expected.items():
            assert rows.get(keys, "").startswith(action), (keys, rows)
        listed = " ".join(rows)
        missing = [key for key in shown if key not in listed.split()]
        assert not missing, f"keys in the footer but not in the help: {missing}"


def test_the_help_says_to_keep_the_workbook_until_the_follow_up() -> None:
    from bilan_tui.ui.screens.help import help_text

    text = help_text("/tmp/x")
    assert "## Sessions and follow-up" in text
    assert "s plans a session" in text and "j opens its journal" in text
    assert "Keep your workbook until your follow-up interview" in text
    assert "bilan wipe" in text and "R6313-7" in text


@pytest.mark.parametrize("where", [None, "realisations", "interets", "valeurs", "hours"])
async def test_the_help_and_the_bindings_agree(tmp_path: Path, where: str | None) -> None:
    """Each key the help shows is bound; each of our bindings with a text is in the help (#22)."""
    from bilan_tui.ui.binding_text import explanation_of, key_label
    from bilan_tui.ui.screens.help import declared_by_us

    app = make_app(tmp_path / "wb.sqlite", shipped_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_session(app, pilot)
        if where == "hours":
            app.open_hours()
        elif where is not None:
            app.open_exercise(where)
        await pilot.pause()
        await pilot.pause()
        ours = [
            active.binding
            for active in app.screen.active_bindings.values()
            if not active.binding.system and declared_by_us(active.node, active.binding)
        ]
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        bound = {key_label(app, binding) for binding in ours}
        for row in help_screen.keys:
            for key in row.keys.split(" "):
                assert key in bound, (key, row.action)
        actions = {row.action for row in help_screen.keys}
        for binding in ours:
            if explanation_of(binding):
                assert explanation_of(binding) in actions, binding


async def test_a_binding_id_remaps_its_key(tmp_path: Path) -> None:
    """The ids make keys remappable with Textual's keymap: f1's help moves to f2 (#22)."""
    app = make_app(tmp_path / "wb.sqlite", shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_session(app, pilot)
        app.set_keymap({"bilan-app.help": "f2"})
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
