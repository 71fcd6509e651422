"""Every screen, filled with hostile text: nothing parsed, nothing live, no control byte out.

A pack whose titles, labels, items, cards and criteria carry payloads, and a
workbook whose answers, entries, custom items, definitions, ledger notes and
display name carry more, are shown screen by screen in the real app. Each
screen is rendered to the strips Textual sends to the terminal, and every
segment is checked: no control character, no click action and no link made
from our text. The app must still be running at the end.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from bilan_tui.domain.text import clean_text
from bilan_tui.store.repository import open_workbook
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.exercise import ExerciseScreen

from ..ui.helpers import make_app, mini_pack, read_session, wait_for_session
from .hostile import (
    CONTROL,
    MARKER,
    PAYLOADS,
    generated,
    hostile_answers,
    hostile_ledger,
    hostile_pack,
)

SIZE = (120, 60)


def rendered_text(app: BilanApp, where: str) -> str:
    """The screen as sent to the terminal, checked segment by segment."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        line = []
        for segment in strip:
            found = CONTROL.search(segment.text)
            assert found is None, f"{where}: {found.group()!r} reaches the terminal"
            style = segment.style
            if style is not None:
                click = str((style.meta or {}).get("@click", ""))
                assert MARKER not in click, f"{where}: a payload became an action: {click}"
                assert MARKER not in (style.link or ""), f"{where}: a payload became a link"
            line.append(segment.text)
        lines.append("".join(line))
    return "\n".join(lines)


async def visit(app: BilanApp, pilot: Pilot[int], where: str) -> str:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    assert app.is_running, f"{where}: the app stopped"
    assert app._exception is None, f"{where}: {app._exception!r}"
    return rendered_text(app, where)


async def back_to_dashboard(app: BilanApp, pilot: Pilot[int]) -> None:
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()


async def show_everything(tmp_path: Path, strings: list[str]) -> list[str]:
    """Fill a workbook with ``strings``, show every screen, return the screens' text."""
    pack = hostile_pack(mini_pack(), strings)
    path = tmp_path / f"hostile-{len(strings)}.sqlite"
    with open_workbook(path) as workbook:
        workbook.save_answers(hostile_answers(pack, strings))
        workbook.set_setting("display_name", strings[3 % len(strings)])
        for entry in hostile_ledger(strings):
            workbook.add_ledger_entry(entry)
    app = make_app(path, pack)
    screens: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_session(app, pilot)
        screens.append(await visit(app, pilot, "dashboard"))
        for exercise in pack.exercises:
            app.open_exercise(exercise.id)
            screens.append(await visit(app, pilot, f"exercise {exercise.id}"))
            await back_to_dashboard(app, pilot)
        for name, opener in (
            ("hours", app.open_hours),
            ("profile", app.open_profile),
            ("export", app.open_export),
            ("help", app.action_help),
            ("wipe dialog", app.start_wipe),
        ):
            opener()
            screens.append(await visit(app, pilot, name))
            await back_to_dashboard(app, pilot)
        assert app.is_running
    return screens


async def test_known_payloads_on_every_screen(tmp_path: Path) -> None:
    screens = await show_everything(tmp_path, list(PAYLOADS))
    everything = "\n".join(screens)
    # Shown literally, not swallowed: markup and actions stay visible text.
    assert "[@click=app.pwned]" in everything  # the whole tag, brackets included
    assert "[/]" in everything
    assert " OSC title" in everything  # the text after the sequence stays...
    assert f"{MARKER} title" not in everything  # ...the sequence goes, parameters and all


async def test_generated_strings_on_every_screen(tmp_path: Path) -> None:
    await show_everything(tmp_path, generated(100, seed=11))


async def test_text_typed_with_control_characters_is_stored_clean(tmp_path: Path) -> None:
    pack = mini_pack()
    path = tmp_path / "typed.sqlite"
    app = make_app(path, pack)
    typed = PAYLOADS[8] + PAYLOADS[3] + PAYLOADS[13]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("about")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        screen.query_one("#field-name Input", Input).value = typed
        await pilot.pause()
        await pilot.press("ctrl+q")
    session = read_session(path, pack)
    try:
        stored = session.exercise_answers(pack.exercise("about"))  # type: ignore[arg-type]
        assert stored.get("name") == clean_text(typed)
        assert "[@click=app.pwned]click me[/]" in str(stored.get("name"))
    finally:
        session.close()
