"""The path end to end on a form exercise: open, type, quit, reopen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static, TextArea

from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.ui.screens.dashboard import DashboardScreen
from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.widgets.fields import FieldEditor
from bilan_tui.ui.widgets.phase_list import PhaseList
from bilan_tui.ui.widgets.rating import RatingScale

from .helpers import (
    make_app,
    mini_pack,
    open_exercise,
    read_session,
    show_every_field,
    wait_for_session,
)


async def test_typed_answers_survive_quit_and_reopen(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert screen.exercise.id == "about"
        first = screen.query_one("#field-name Input", Input)
        assert screen.focused is first, "opening an exercise focuses its first input"
        first.value = "Camille [/] [@click=app.quit]"
        screen.query_one("#field-why TextArea", TextArea).text = "Line one\nLine two"
        screen.query_one("#field-funding Select", Select).value = "employer"
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert app.return_value == 0

    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(pack.exercise("about"))  # type: ignore[arg-type]
        assert answers.get("name") == "Camille [/] [@click=app.quit]"
        assert answers.get("why") == "Line one\nLine two"
        assert answers.get("funding") == "employer"
        assert session.statuses()["about"] is ExerciseStatus.STARTED
    finally:
        session.close()

    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        assert screen.query_one("#field-name Input", Input).value == (
            "Camille [/] [@click=app.quit]"
        )


async def test_autosave_reaches_disk_within_a_second_without_leaving(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        screen.query_one("#field-name Input", Input).value = "Dominique"
        await pilot.pause(1.3)
        other = read_session(workbook, pack)
        try:
            answers = other.exercise_answers(pack.exercise("about"))  # type: ignore[arg-type]
            assert answers.get("name") == "Dominique"
        finally:
            other.close()


async def test_invalid_date_is_refused_with_a_message_and_not_saved(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        editor = screen.query_one("#field-start", FieldEditor)
        editor.query_one(Input).value = "2026-02-30"
        await pilot.pause()
        assert editor.has_class("-invalid")
        assert "The date 2026-02-30 does not exist." in str(
            editor.query_one(".field-error").render()
        )
        assert screen.autosaver.answers.get("start") is None
        editor.query_one(Input).value = "3/2/2026"
        await pilot.pause()
        assert not editor.has_class("-invalid")
        assert screen.autosaver.answers.get("start") == "2026-02-03"
        editor.query_one(Input).value = "2026-02-04"
        await pilot.pause()
        assert screen.autosaver.answers.get("start") == "2026-02-04"


async def test_rating_answers_with_digits_and_arrows(tmp_path: Path) -> None:
    pack = mini_pack()
    exercise = next(ex for ex in pack.exercises if any(f.type == "rating" for f in ex.fields))
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise(exercise.id)
        await pilot.pause()
        await show_every_field(app.screen, pilot)
        scale = app.screen.query_one(RatingScale)
        scale.focus()
        await pilot.press("3")
        assert scale.value == 3
        await pilot.press("right")
        assert scale.value == 4
        await pilot.press("backspace")
        assert scale.value is None


async def test_escape_returns_to_dashboard_with_updated_state(tmp_path: Path) -> None:
    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        await show_every_field(screen, pilot)
        fill_required_about(screen)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.status is ExerciseStatus.DONE
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        phases = app.screen.query_one(PhaseList)
        assert phases.statuses["about"] is ExerciseStatus.DONE
        assert "1/1" in str(phases.get_option("phase:preliminaire").prompt)


def fill_required_about(screen: object) -> None:
    """Answer the three required fields of the mini pack's "about" form."""
    from textual.screen import Screen
    from textual.widgets import Checkbox, TextArea

    assert isinstance(screen, Screen)
    screen.query_one("#field-name Input", Input).value = "Sam"
    screen.query_one("#field-why TextArea", TextArea).text = "A new start"
    screen.query_one("#field-consent Checkbox", Checkbox).value = True


def notifications(app: object) -> list[str]:
    from textual.app import App

    assert isinstance(app, App)
    return [str(n.message) for n in app._notifications]


async def test_done_is_refused_while_a_starred_answer_is_missing(tmp_path: Path) -> None:
    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        note = screen.query_one("#required-note", Static)
        assert "* an answer is needed before the exercise can be marked as done" in str(
            note.render()
        )
        screen.query_one("#field-name Input", Input).value = "Sam"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.status is ExerciseStatus.STARTED
        assert notifications(app)[-1] == (
            "Not done yet: answer “Why a skills assessment now” first, "
            "and 1 more answer marked with *."
        )
    again = read_session(tmp_path / "wb.sqlite", pack)
    about = pack.exercise("about")
    assert about is not None
    assert again.status(about) is ExerciseStatus.STARTED
    again.close()


async def test_done_then_back_in_progress_says_what_the_header_says(tmp_path: Path) -> None:
    app = make_app(tmp_path / "wb.sqlite", mini_pack())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        await show_every_field(screen, pilot)
        fill_required_about(screen)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.status is ExerciseStatus.DONE
        assert app.screen.active_bindings["ctrl+s"].binding.description == "Mark as in progress"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.status is ExerciseStatus.STARTED
        header = str(screen.query_one("#exercise-state", Static).render())
        assert "in progress" in header
        assert notifications(app)[-1] == "No longer marked as done: ◐ in progress."
        assert app.screen.active_bindings["ctrl+s"].binding.description == "Mark as done"


async def test_records_without_an_entry_cannot_be_done(tmp_path: Path) -> None:
    app = make_app(tmp_path / "wb.sqlite", mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "leads")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.status is ExerciseStatus.TODO
        assert notifications(app)[-1] == "Not done yet: add a lead first."


async def test_an_arrow_on_an_unanswered_scale_starts_in_the_middle(tmp_path: Path) -> None:
    """← once chose the maximum of an unanswered scale: the opposite of the arrow."""
    app = make_app(tmp_path / "wb.sqlite", mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        await show_every_field(screen, pilot)
        scale = screen.query_one(RatingScale)  # satisfaction, 0 to 10
        scale.focus()
        await pilot.press("left")
        assert scale.value == 5
        await pilot.press("left")
        assert scale.value == 4
        await pilot.press("backspace")
        assert scale.value is None
        await pilot.press("right")
        assert scale.value == 5


async def test_a_question_appears_only_when_it_applies(tmp_path: Path) -> None:
    """'If the idea came from someone else…' once followed 'It was my own idea'."""
    from .helpers import shipped_pack

    app = make_app(tmp_path / "wb.sqlite", shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_exercise(app, pilot, "demande")
        feeling = screen.query_one("#field-initiative_ressenti", FieldEditor)
        assert not feeling.display
        choice = screen.query_one("#field-initiative Select", Select)
        choice.value = "employeur"
        await pilot.pause()
        assert feeling.display
        choice.value = "moi-meme"
        await pilot.pause()
        assert not feeling.display
