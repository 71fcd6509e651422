"""The decision matrix driven from the keyboard: weights and scores give totals and a ranking."""

from __future__ import annotations

from pathlib import Path

from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import Static

from bilan_tui.domain.answers import POSITION, Answer, AnswerKey
from bilan_tui.domain.keys import SCORE_KEYS, WEIGHT_KEYS
from bilan_tui.domain.model import Exercise, Pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.kinds.matrix_table import MatrixTable
from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.widgets.fields import FieldEditor
from bilan_tui.ui.widgets.profile_bars import BarChart

from .helpers import make_app, mini_pack, read_session, shipped_pack, wait_for_session


def _exercise(pack: Pack, exercise_id: str) -> Exercise:
    exercise = pack.exercise(exercise_id)
    assert exercise is not None
    return exercise


def seed_leads(workbook: Path, pack: Pack) -> None:
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    session.save_answers(
        [
            Answer(AnswerKey("mini", "leads", "name", "l1"), "Nurse [b]"),
            Answer(AnswerKey("mini", "leads", POSITION, "l1"), 0),
            Answer(AnswerKey("mini", "leads", "name", "l2"), "Baker"),
            Answer(AnswerKey("mini", "leads", POSITION, "l2"), 1),
        ]
    )
    session.close()


def cell(table: MatrixTable, row: int, column: int) -> str:
    return table.get_cell_at(Coordinate(row, column)).plain


async def open_matrix(app: BilanApp, pilot: Pilot[int], exercise_id: str) -> ExerciseScreen:
    await wait_for_session(app, pilot)
    app.open_exercise(exercise_id)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExerciseScreen)
    return screen


async def test_weights_and_scores_give_totals_and_ranking(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    seed_leads(workbook, pack)
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(app, pilot, "compare")
        table = screen.query_one(MatrixTable)
        assert screen.focused is table
        assert table.cursor_coordinate == Coordinate(0, 1), "the cursor starts on a score"
        title = screen.query_one("#matrix-ranking-title", Static)
        assert str(title.render()) == "Ranking: score the leads to see it."
        assert (cell(table, 4, 1), cell(table, 4, 2)) == ("", ""), "no rank before any score"
        # Criteria: values (weight 5), pay (3), commute (2). Score "Nurse [b]" down its column.
        await pilot.press("5", "4", "3")
        # 5×5 + 3×4 + 2×3 = 43, the best possible being (5+3+2)×5 = 50.
        assert cell(table, 3, 1) == "43"
        await pilot.press("right", "up", "up", "2", "2", "2")
        assert cell(table, 3, 2) == "20"
        assert (cell(table, 4, 1), cell(table, 4, 2)) == ("1", "2")
        assert str(title.render()) == "Ranking"
        # The weight of "Fits my values" down to 1: Nurse 5+12+6 = 23, Baker 2+6+4 = 12 out of 30.
        await pilot.press("left", "left", "up", "up", "1")
        assert cell(table, 0, 0) == "1"
        assert (cell(table, 3, 0), cell(table, 3, 1), cell(table, 3, 2)) == ("/30", "23", "12")
        ranking = screen.query_one(BarChart).rows
        assert [(row.label, row.value) for row in ranking] == [
            ("1. Nurse [b]", "23/30"),
            ("2. Baker", "12/30"),
        ]
        # Baker loses its pay score (1×2 + 2×2 = 6): the total is marked unfinished.
        await pilot.press("right", "right", "backspace")
        assert cell(table, 3, 2) == "6*"
        assert screen.query_one(BarChart).rows[1].value == "6/30*"
        detail = str(screen.query_one("#matrix-detail", Static).render())
        assert detail == "Pay — Baker: not scored yet"
        await pilot.press("ctrl+q")

    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(_exercise(pack, "compare"))
        assert answers.get(WEIGHT_KEYS.key("values")) == 1
        assert answers.get(WEIGHT_KEYS.key("pay")) is None, "an untouched weight keeps the pack's"
        criteria = ("values", "pay", "commute")
        assert [answers.get(SCORE_KEYS.key(c), "l1") for c in criteria] == [5, 4, 3]
        assert [answers.get(SCORE_KEYS.key(c), "l2") for c in criteria] == [2, None, 2]
    finally:
        session.close()

    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(app, pilot, "compare")
        table = screen.query_one(MatrixTable)
        assert (cell(table, 3, 1), cell(table, 3, 2), cell(table, 4, 1)) == ("23", "6*", "1")


async def test_without_leads_the_matrix_says_what_to_do(tmp_path: Path) -> None:
    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(app, pilot, "compare")
        assert not screen.query(MatrixTable)
        message = str(screen.query_one("#matrix-empty", Static).render())
        assert message == "Add leads in “My leads” first: each one becomes a column here."


async def test_shipped_comparison_keeps_its_questions_below(tmp_path: Path) -> None:
    pack = shipped_pack("en")
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(app, pilot, "comparaison")
        assert "“My leads”" in str(screen.query_one("#matrix-empty", Static).render())
        editor = screen.query_one("#field-projet_principal", FieldEditor)
        assert screen.focused is not None and editor in screen.focused.ancestors


async def test_no_count_is_shown_before_there_is_anything_to_count(tmp_path: Path) -> None:
    """With no lead to compare, the header said "0 / 0"."""
    from .helpers import make_app, mini_pack, open_exercise

    app = make_app(tmp_path / "wb.sqlite", mini_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_exercise(app, pilot, "compare")
        header = str(screen.query_one("#exercise-state", Static).render())
        assert "0 / 0" not in header
        assert "to do" in header


async def test_a_lead_breaking_a_limit_is_set_aside_and_the_limit_has_no_weight(
    tmp_path: Path,
) -> None:
    pack = shipped_pack("en")
    workbook = tmp_path / "wb.sqlite"
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    session.save_answers(
        [
            Answer(AnswerKey("bilan", "pistes", "metier", "a"), "Day post"),
            Answer(AnswerKey("bilan", "pistes", POSITION, "a"), 0),
            Answer(AnswerKey("bilan", "pistes", "metier", "b"), "Trainer"),
            Answer(AnswerKey("bilan", "pistes", POSITION, "b"), 1),
        ]
    )
    session.close()
    app = make_app(workbook, pack)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_matrix(app, pilot, "comparaison")
        table = screen.query_one(MatrixTable)
        criteria = len(_exercise(pack, "comparaison").criteria)
        assert cell(table, 0, 0) == "✗", "the limits line has no weight"
        # "Day post": 2 on the limits line (breaks one), then 5 everywhere.
        await pilot.press("2", *["5"] * (criteria - 1))
        # "Trainer": respects the limits, 3 everywhere.
        await pilot.press("right", *["up"] * (criteria - 1), "4", *["3"] * (criteria - 1))
        assert cell(table, criteria + 1, 1) == "✗"
        assert cell(table, criteria + 1, 2) == "1"
        rows = screen.query_one(BarChart).rows
        assert [row.label for row in rows] == ["1. Trainer", "✗ Day post"]
        assert rows[1].value == "breaks a limit"
        # A digit on the limits line's weight changes nothing.
        await pilot.press("left", "left", *["up"] * criteria, "4")
        assert table.cursor_coordinate == Coordinate(0, 0)
        assert cell(table, 0, 0) == "✗"
        await pilot.press("ctrl+q")
    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(_exercise(pack, "comparaison"))
        assert answers.get(WEIGHT_KEYS.key("limites")) is None
        assert answers.get(SCORE_KEYS.key("limites"), "a") == 2
    finally:
        session.close()
