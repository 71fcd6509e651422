"""Typed numbers, years and dates are stored whole or not at all (issue 20, point 1).

Each test types as a person would, then reads the workbook file the way the
next launch will: what is on disk must be what she wrote, or what the field
held before, never the start of what she typed.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from bilan_tui.domain.answers import JSONValue
from bilan_tui.domain.model import Pack
from bilan_tui.domain.parts import Field, FieldType
from bilan_tui.i18n import set_language
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.widgets.fields import FieldEditor, check_value

from .helpers import make_app, mini_pack, open_exercise, read_session, shipped_pack


def stored(workbook: Path, pack: Pack, exercise_id: str, field_id: str) -> JSONValue:
    """The value the next launch reads from the workbook file."""
    session = read_session(workbook, pack)
    try:
        exercise = pack.exercise(exercise_id)
        assert exercise is not None
        return session.exercise_answers(exercise).get(field_id)
    finally:
        session.close()


async def type_keys(pilot: Pilot[int], editor: FieldEditor, text: str) -> None:
    """Type ``text`` one key at a time at the end of the editor's input, as a person does."""
    editor.query_one(Input).focus()
    await pilot.pause()
    await pilot.press("end")  # focus selects the whole text; she types after it
    await pilot.press(*("space" if char == " " else char for char in text))
    await pilot.pause()


def error_text(editor: FieldEditor) -> str:
    """The line shown under the field."""
    return str(editor.query_one(".field-error").render())


async def quit_app(app: BilanApp, pilot: Pilot[int]) -> None:
    """Leave the way a person does: the app saves on the way out."""
    await pilot.press("ctrl+q")
    await pilot.pause()
    assert app.return_value == 0


async def test_a_number_with_a_thousands_space_is_stored_whole(tmp_path: Path) -> None:
    pack = shipped_pack("en")
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_exercise(app, pilot, "contraintes")
        income = screen.query_one("#field-revenu_minimum", FieldEditor)
        await type_keys(pilot, income, "1 7")
        assert income.has_class("-invalid"), "'1 7' is not a number yet"
        assert screen.autosaver.answers.get("revenu_minimum") is None, "no part of it is kept"
        await pilot.press("0", "0")
        await pilot.pause()
        assert income.query_one(Input).value == "1 700"
        assert not income.has_class("-invalid")
        assert error_text(income) == ""
        await pilot.pause(1.3)
        assert stored(workbook, pack, "contraintes", "revenu_minimum") == 1700
        await quit_app(app, pilot)
    assert stored(workbook, pack, "contraintes", "revenu_minimum") == 1700


async def test_usual_french_forms_are_read_whole(tmp_path: Path) -> None:
    pack = shipped_pack("en")
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    forms = {
        "1 700": 1700,
        "1 700,50": 1700.5,
        "1700 €": 1700,
        "1 700 €": 1700,
        "1\u202f700": 1700,
        "1\u00a0700,5": 1700.5,
        "1,5": 1.5,
        "1.5": 1.5,
    }
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_exercise(app, pilot, "contraintes")
        income = screen.query_one("#field-revenu_minimum", FieldEditor)
        for text, number in forms.items():
            income.query_one(Input).value = text
            await pilot.pause()
            assert not income.has_class("-invalid"), text
            assert screen.autosaver.answers.get("revenu_minimum") == number, text
        await quit_app(app, pilot)
    assert stored(workbook, pack, "contraintes", "revenu_minimum") == 1.5


async def test_a_number_over_the_maximum_stores_nothing_not_its_prefix(tmp_path: Path) -> None:
    pack = shipped_pack("en")
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_exercise(app, pilot, "contraintes")
        months = screen.query_one("#field-marge_financiere_mois", FieldEditor)
        await type_keys(pilot, months, "1700")
        assert months.query_one(Input).value == "1700", "what she typed stays on screen"
        assert months.has_class("-invalid")
        assert error_text(months) == "The largest accepted value is 120."
        assert screen.autosaver.answers.get("marge_financiere_mois") is None
        await pilot.pause(1.3)
        assert stored(workbook, pack, "contraintes", "marge_financiere_mois") is None
        await quit_app(app, pilot)
    assert stored(workbook, pack, "contraintes", "marge_financiere_mois") is None


async def test_an_invalid_number_keeps_the_last_value_she_entered(tmp_path: Path) -> None:
    pack = shipped_pack("en")
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_exercise(app, pilot, "contraintes")
        months = screen.query_one("#field-marge_financiere_mois", FieldEditor)
        await type_keys(pilot, months, "6")
        await pilot.press("tab")  # she leaves the field: 6 is her answer
        await pilot.pause()
        await type_keys(pilot, months, "00")  # "600", over 120
        assert months.query_one(Input).value == "600"
        assert months.has_class("-invalid")
        assert screen.autosaver.answers.get("marge_financiere_mois") == 6
        await quit_app(app, pilot)
    assert stored(workbook, pack, "contraintes", "marge_financiere_mois") == 6

    app = make_app(workbook, pack)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_exercise(app, pilot, "contraintes")
        months = screen.query_one("#field-marge_financiere_mois", FieldEditor)
        assert months.query_one(Input).value == "6"


async def test_text_that_is_not_a_number_says_so_and_stores_nothing(tmp_path: Path) -> None:
    pack = shipped_pack("en")
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_exercise(app, pilot, "contraintes")
        income = screen.query_one("#field-revenu_minimum", FieldEditor)
        for text in ("1 7", "1,700", "1e3", "12abc", "inf"):
            income.query_one(Input).value = text
            await pilot.pause()
            assert income.has_class("-invalid"), text
            assert error_text(income), text
            assert screen.autosaver.answers.get("revenu_minimum") is None, text
        income.query_one(Input).value = "1,700"
        await pilot.pause()
        assert "read two ways" in error_text(income)
        await quit_app(app, pilot)
    assert stored(workbook, pack, "contraintes", "revenu_minimum") is None


async def test_a_year_typed_one_digit_too_far_keeps_nothing_of_it(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        year = screen.query_one("#field-first_job", FieldEditor)
        await type_keys(pilot, year, "20155")  # "2015" was valid for a keystroke
        assert year.has_class("-invalid")
        assert error_text(year) == "Please type a year, for example 2015."
        assert screen.autosaver.answers.get("first_job") is None
        await quit_app(app, pilot)
    assert stored(workbook, pack, "about", "first_job") is None


async def test_a_date_typed_one_digit_too_far_keeps_nothing_of_it(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        start = screen.query_one("#field-start", FieldEditor)
        await type_keys(pilot, start, "2026-03-155")  # "2026-03-15" was valid for a keystroke
        assert start.has_class("-invalid")
        assert start.query_one(Input).value == "2026-03-155"
        assert screen.autosaver.answers.get("start") is None
        await quit_app(app, pilot)
    assert stored(workbook, pack, "about", "start") is None


async def test_a_record_entry_year_never_keeps_a_prefix(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "stories")
        assert isinstance(screen, ExerciseScreen)
        await pilot.press("a")  # a new entry opens in the editor
        await pilot.pause()
        year = screen.query_one("#field-year", FieldEditor)
        await type_keys(pilot, year, "20155")
        assert year.has_class("-invalid")
        entries = screen.autosaver.answers.entries()
        assert len(entries) == 1
        assert entries[0].values.get("year") is None


async def test_leaving_with_an_invalid_field_warns_once_then_leaves(tmp_path: Path) -> None:
    pack = shipped_pack("en")
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_exercise(app, pilot, "contraintes")
        months = screen.query_one("#field-marge_financiere_mois", FieldEditor)
        await type_keys(pilot, months, "1700")
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen, "the first Escape stays, and says why"
        [notice] = [notice.message for notice in app._notifications]
        assert "” is not saved: The largest accepted value is 120." in notice
        assert "The largest accepted value is 120." in notice
        assert screen.focused is months.query_one(Input), "back in the field to correct it"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen, "the second Escape leaves without the invalid text"
    assert stored(workbook, pack, "contraintes", "marge_financiere_mois") is None


def test_bounds_are_written_as_the_person_would_type_them() -> None:
    field = Field("revenu", FieldType.NUMBER, "Revenu", min=0, max=50_000)
    set_language("fr")
    assert check_value(field, "60 000") == (None, "La plus grande valeur acceptée est 50\u202f000.")
    assert check_value(field, "1 700,50") == (1700.5, "")
    set_language("en")
    assert check_value(field, "60000") == (None, "The largest accepted value is 50000.")
