"""The skills grid driven from the keyboard: rate, add an own item, see the stories behind tags."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from bilan_tui.domain.answers import CUSTOM_ITEMS, POSITION, Answer, AnswerKey
from bilan_tui.domain.keys import CUSTOM_ITEM_KEYS, RATING_KEYS
from bilan_tui.domain.model import Exercise, Pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.kinds.grid import GridBody
from bilan_tui.ui.kinds.grid_list import GridList
from bilan_tui.ui.screens.exercise import ExerciseScreen

from .helpers import make_app, mini_pack, read_session, wait_for_session


def _exercise(pack: Pack, exercise_id: str) -> Exercise:
    exercise = pack.exercise(exercise_id)
    assert exercise is not None
    return exercise


def seed_stories(workbook: Path, pack: Pack) -> None:
    """Two stories: one cites a pack skill in other words' case, both cite public speaking."""
    session = WorkbookSession.open(workbook, pack, language="en", create=True)

    def story(entry: str, position: int, title: str, skills: list[str]) -> list[Answer]:
        return [
            Answer(AnswerKey("mini", "stories", "title", entry), title),
            Answer(AnswerKey("mini", "stories", "skills", entry), list(skills)),
            Answer(AnswerKey("mini", "stories", POSITION, entry), position),
        ]

    session.save_answers(
        story("s1", 0, "Village fair [b]", ["LISTEN actively", "Public speaking"])
        + story("s2", 1, "Training day", ["public  speaking"])
    )
    session.close()


def row_text(grid: GridList, key: str) -> str:
    """What the person reads on the line of one skill."""
    index = grid.index_of(key)
    assert index is not None, key
    return str(grid.get_option_at_index(index).prompt)


async def open_grid(app: BilanApp, pilot: object) -> tuple[ExerciseScreen, GridList]:
    await wait_for_session(app, pilot)
    app.open_exercise("skills")
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExerciseScreen)
    grid = screen.query_one(GridList)
    assert screen.focused is grid, "opening the grid puts the cursor in the list"
    return screen, grid


async def test_rate_add_own_item_and_reopen(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    seed_stories(workbook, pack)
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, grid = await open_grid(app, pilot)
        assert grid.current is not None and grid.current.key == "plan"
        await pilot.press("3", "3")  # mastery 3, desire 3, then the next skill
        assert "asset" in row_text(grid, "plan")
        assert grid.current is not None and grid.current.key == "budget"
        await pilot.press("3", "0")
        assert "to let go" in row_text(grid, "budget")
        await pilot.press("right", "1")  # desire only: "listen" is not placed yet
        listen = row_text(grid, "listen")
        assert "●○○" in listen and "···" in listen
        assert not any(zone in listen for zone in ("asset", "neutral", "to develop"))

        await pilot.press("a")
        adder = screen.query_one("#grid-add-input", Input)
        assert screen.focused is adder
        adder.value = "Baking [bold]bread[/bold]"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.focused is grid
        own = grid.current
        assert own is not None and own.text == "Baking [bold]bread[/bold]"
        await pilot.press("1", "2")
        assert "to develop" in row_text(grid, own.key)
        assert "Baking [bold]bread[/bold]" in row_text(grid, own.key)
        await pilot.press("ctrl+q")

    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(_exercise(pack, "skills"))
        assert answers.get(RATING_KEYS.key("plan")) == [3, 3]
        assert answers.get(RATING_KEYS.key("budget")) == [3, 0]
        assert answers.get(RATING_KEYS.key("listen")) == [None, 1]
        assert answers.get(CUSTOM_ITEMS) == ["Baking [bold]bread[/bold]"]
        assert answers.get(RATING_KEYS.key(CUSTOM_ITEM_KEYS.key("Baking [bold]bread[/bold]"))) == [
            1,
            2,
        ]
    finally:
        session.close()

    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, grid = await open_grid(app, pilot)
        assert "asset" in row_text(grid, "plan")
        assert "to develop" in row_text(grid, "custom:Baking [bold]bread[/bold]")
        assert grid.current is not None and grid.current.key == "listen", (
            "reopening resumes at the first skill not fully rated"
        )


async def test_story_tags_join_the_list_with_their_evidence(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    seed_stories(workbook, pack)
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, grid = await open_grid(app, pilot)
        headings = [row for row in grid.rows if isinstance(row, str)]
        assert headings == ["Know-how", "Soft skills", "From “My stories”"]
        speaking = row_text(grid, "tag:public speaking")
        assert speaking.rstrip().endswith("Public speaking")
        assert " 2  Public speaking" in speaking, "two stories cite it"
        assert " 1  Listen actively" in row_text(grid, "listen"), "the pack item absorbed the tag"

        grid.highlighted = grid.index_of("tag:public speaking")
        await pilot.pause()
        detail = str(screen.query_one("#grid-detail", Static).render())
        assert "Cited in 2 entries: Village fair [b] · Training day" in detail


async def test_clear_duplicate_and_remove(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, grid = await open_grid(app, pilot)
        await pilot.press("3", "3", "up", "backspace")
        assert "···" in row_text(grid, "plan") and "asset" not in row_text(grid, "plan")
        body = screen.query_one(GridBody)
        assert body.progress() == (0, 4)

        await pilot.press("a")
        screen.query_one("#grid-add-input", Input).value = "  keep a BUDGET "
        await pilot.press("enter")
        await pilot.pause()
        assert grid.current is not None and grid.current.key == "budget", "the duplicate is shown"
        assert screen.autosaver.answers.get(CUSTOM_ITEMS) is None, "nothing was added"

        await pilot.press("a")
        screen.query_one("#grid-add-input", Input).value = "Sewing"
        await pilot.press("enter")
        await pilot.pause()
        assert grid.index_of("custom:Sewing") is not None
        await pilot.press("x")
        await pilot.pause()
        assert grid.index_of("custom:Sewing") is None
        assert screen.autosaver.answers.get(CUSTOM_ITEMS) == []

        await pilot.press("a", "escape")
        assert screen.focused is grid
        assert isinstance(app.screen, ExerciseScreen), "escape closed the input, not the exercise"
