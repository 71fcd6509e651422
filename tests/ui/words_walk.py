"""Walk every screen in one language and print the visible text, as JSON.

Run in its own process (``python -m tests.ui.words_walk fr <folder>``) by
``test_words_everywhere.py``: key descriptions are translated when the screen
classes are built, so the language must be chosen before ``bilan_tui.ui`` is
imported, as ``bilan`` does when it starts.
"""

from __future__ import annotations

import asyncio
import io
import json
import sys
from pathlib import Path

from bilan_tui.i18n import set_language

SIZE = (100, 30)


def visible_text(app: object) -> list[str]:
    """What the person sees: the screen as drawn, plus every text widget in full.

    The drawn screen covers the footer and what is on screen; the widgets'
    own texts cover what is below the fold.
    """
    from rich.console import Console
    from textual.app import App
    from textual.widgets import Button, Input, Static
    from textual.widgets._footer import FooterKey

    assert isinstance(app, App)
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=[]))
    texts = [console.export_text()]
    for notice in app._notifications:  # toasts, whether or not drawn yet
        texts += [notice.title, notice.message]
    for widget in app.screen.query("*"):
        if isinstance(widget, FooterKey):
            texts.append(str(widget.description))
        elif isinstance(widget, Button):
            texts.append(str(widget.label))
        elif isinstance(widget, Input):
            texts.append(str(widget.placeholder))
        elif isinstance(widget, Static):
            plain = getattr(widget.visual, "plain", None)
            if isinstance(plain, str):
                texts.append(plain)
    return texts


async def walk(language: str, folder: Path) -> dict[str, list[str]]:
    """Open each screen of the app in turn and collect its text."""
    from textual.pilot import Pilot

    from bilan_tui.packs import load_shipped_pack
    from bilan_tui.services.session import WorkbookSession
    from bilan_tui.ui.app import BilanApp
    from bilan_tui.ui.screens.dashboard import DashboardScreen

    pack = load_shipped_pack(language)
    workbook = folder / f"walk-{language}.sqlite"

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language=language, create=True)

    app = BilanApp(pack, open_session, data_location=str(workbook))
    seen: dict[str, list[str]] = {}
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(pilot, Pilot)
        for _ in range(400):
            if app.session is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()

        async def look(name: str) -> None:
            await pilot.pause()
            seen[name] = visible_text(app)

        async def back() -> None:
            while not isinstance(app.screen, DashboardScreen):
                app.pop_screen()
                await pilot.pause()

        await look("dashboard")
        app.set_focus(None)
        await pilot.press("ctrl+c")  # Textual's "do you want to quit?" notice
        await look("quit notice")
        app.clear_notifications()
        for exercise in pack.exercises:
            app.open_exercise(exercise.id)
            await look(f"exercise {exercise.id}")
            await back()
        for name, opener in (
            ("profile", app.open_profile),
            ("hours", app.open_hours),
            ("export", app.open_export),
            ("help", app.action_help),
            ("homework import", app.action_import_homework),
            ("wipe confirmation", app.start_wipe),
        ):
            opener()
            await look(name)
            if name == "export":  # a list opened: its own key in the footer
                from textual.widgets import Select

                app.screen.query(Select).first().focus()
                await pilot.press("enter")
                await look("export, list open")
                await pilot.press("escape")
            await back()
    return seen


def main() -> None:
    """``words_walk <language> <folder>``: print ``{screen: [texts]}``."""
    language, folder = sys.argv[1], Path(sys.argv[2])
    set_language(language)
    seen = asyncio.run(walk(language, folder))
    json.dump(seen, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
