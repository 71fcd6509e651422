"""Nothing cut or hidden at 80×24, and a question longer than the screen is read whole (#20.13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Button, Label, Select
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectCurrent

from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.export import ExportScreen
from bilan_tui.ui.screens.help import HelpScreen
from bilan_tui.ui.widgets.footer import ShownKey, fitting

from .helpers import make_app, shipped_pack, show_every_field, wait_for_session


def demo_app(tmp_path: Path) -> BilanApp:
    pack = shipped_pack("en")
    workbook = tmp_path / "data" / "workbooks" / "demo.sqlite"
    recreate_demo(workbook, pack)
    return make_app(workbook, pack)


async def settle(app: BilanApp, pilot: Pilot[Any]) -> None:
    for _ in range(4):
        await app.workers.wait_for_complete()
        await pilot.pause()


def footer_keys(app: BilanApp) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


def key(action: str, description: str, shown: str = "x") -> ShownKey:
    return ShownKey(Binding(shown, action, description), shown, True, "", description)


def test_keys_that_do_not_fit_are_dropped_whole_least_needed_first() -> None:
    # The French labels of a list exercise, 125 cells for 80 columns.
    keys = [
        key("select", "Modifier", "⏎"),
        key("add", "Ajouter", "a"),
        key("delete", "Supprimer", "d"),
        key("move(-1)", "Monter", "^↑"),
        key("move(1)", "Descendre", "^↓"),
        key("back", "Retour", "esc"),
        key("mark_in_progress", "Marquer comme en cours", "^s"),
        key("toggle_guidance", "Consignes", "^g"),
        key("quit", "Quitter", "^q"),
        key("help", "Aide", "f1"),
    ]
    kept = fitting(keys, 80)
    assert [k.binding.description for k in kept] == [
        "Ajouter",
        "Supprimer",
        "Retour",
        "Marquer comme en cours",
        "Aide",
    ]
    assert sum(k.width for k in kept) <= 80
    assert fitting(keys, 200) == keys, "nothing is dropped when there is room"
    assert [k.binding.action for k in fitting(keys, 5)] == ["help"], "f1 always stays"


async def test_every_footer_key_is_whole_on_a_list_exercise_and_f1_lists_the_others(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("parcours")
        await settle(app, pilot)
        keys = footer_keys(app)
        shown = [k.description for k in keys]
        assert shown[-1] == "Help" and "Back" in shown and "Mark as in progress" in shown
        assert all(k.region.right <= 80 for k in keys), "no key runs off the screen"
        assert "Move up" not in shown, "moving an entry gave way"
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        listed = [row.action for row in app.screen.keys]
        assert "Move the entry up" in listed and "Save and quit" in listed


async def test_the_export_button_and_file_name_stay_in_view_for_a_copy_for_someone_else(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-scope", Select).value = "detail"
        screen.query_one("#export-recipient", Select).value = "consultant"
        await settle(app, pilot)
        button = screen.query_one("#export-write", Button)
        assert button.region.bottom <= 23, "above the footer"
        assert screen.get_widget_at(button.region.x + 2, button.region.y)[0] is button
        name = screen.query_one("#export-file")
        lines = [line.text.rstrip() for line in name.render_lines(name.region.reset_offset)]
        joined = " ".join(line.strip() for line in lines if line.strip())
        assert "demo-detailed-results-consultant-" in joined.replace("- ", "-")
        for line in lines:
            text = line.strip()
            assert not text or text[-1] in "-_./:" or text.endswith(".md"), lines


async def test_focus_on_a_compact_choice_shows_as_a_band_of_colour(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        screen = app.screen
        focused = screen.query_one("#export-scope", Select)
        other = screen.query_one("#export-format", Select)
        assert focused.has_focus
        band = focused.query_one(SelectCurrent).styles.background
        plain = other.query_one(SelectCurrent).styles.background
        assert band != plain and band.a > 0


async def test_a_question_longer_than_the_screen_wraps_instead_of_losing_its_end(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("modalites")
        await settle(app, pilot)
        await show_every_field(app.screen, pilot)
        long = [
            label
            for label in app.screen.query(Label).filter(".field-label")
            if label.parent is not None
            and label.parent.display
            and cell_len(str(label.content)) > 78
        ]
        assert long, "the modalités hold questions longer than 80 columns"
        for label in long:
            width = label.parent.content_size.width  # type: ignore[union-attr]
            assert label.size.width <= width
            assert label.size.height * width >= cell_len(str(label.content)), str(label.content)


async def test_the_sharing_question_breaks_a_long_path_between_its_parts() -> None:
    from textual.app import App

    from bilan_tui.ui.screens.export_confirm import ConfirmShare

    path = "/home/marie-christine/Documents/bilan/nadia-f-detailed-results-consultant-2026-12-05.md"

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ConfirmShare(["It will be written to:", path]))

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = app.screen.query_one("#confirm-share-text")
        lines = [s.text.rstrip() for s in text.render_lines(text.region.reset_offset)]
        drawn = [line for line in lines if line.strip()]
        assert "".join(drawn[1:]) == path, drawn
        assert all(line[-1] in "-_./:" for line in drawn[1:-1]), drawn


def test_a_long_note_is_shortened_after_a_word_with_an_ellipsis() -> None:
    from bilan_tui.ui.screens.hours import shortened

    assert shortened("Short note", 12) == "Short note"
    assert shortened("Looking into training courses", 20) == "Looking into…"
    assert shortened("Half a day observing in a health service", 20) == "Half a day observin…"
    assert shortened("Observation", 8) == "Observa…"


async def test_the_hours_table_ends_at_the_screen_edge_its_notes_shortened(
    tmp_path: Path,
) -> None:
    from textual.widgets import DataTable

    app = demo_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("h")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width, "nothing runs off the screen"
        assert not table.show_horizontal_scrollbar
        notes = [str(cell) for cell in table.get_column("note")]
        assert any(note.endswith("…") for note in notes), notes
        await pilot.press("enter")
        await settle(app, pilot)
        shown = app.screen.query_one("#hours-note").value  # type: ignore[attr-defined]
        assert not shown.endswith("…"), "the entry itself keeps its whole note"
