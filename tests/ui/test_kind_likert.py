"""The likert kind from the keyboard: digits answer and move on, arrows revise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.kinds.likert import LikertBody
from bilan_tui.ui.kinds.likert_list import LikertList
from bilan_tui.ui.screens.exercise import ExerciseScreen

from .helpers import make_app, mini_pack, read_session, shipped_pack, wait_for_session

ITEMS = ["r1", "r2", "i1", "i2", "s1", "s2"]


async def open_interests(app: BilanApp, pilot: Pilot[Any]) -> LikertBody:
    await wait_for_session(app, pilot)
    app.open_exercise("interests")
    await pilot.pause()
    assert isinstance(app.screen, ExerciseScreen)
    return app.screen.query_one(LikertBody)


def header(app: BilanApp) -> str:
    return str(app.screen.query_one("#exercise-state", Static).render())


def shown(items: LikertList, index: int) -> str:
    """The scale line of one item, as drawn (its last line)."""
    return items.rows[index].lines(76)[-1].plain.rstrip()


def cursor(app: BilanApp, items: LikertList) -> str | None:
    """The id of the item under the cursor, if the list has the focus."""
    if app.screen.focused is not items or items.current is None:
        return None
    return items.current.item.id


async def test_digits_answer_every_item_then_arrows_revise(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_interests(app, pilot)
        items = body.items_list
        assert [row.item.id for row in items.rows] == ITEMS, "pack order, no shuffling"
        assert cursor(app, items) == "r1"
        assert header(app).startswith("0 / 6")
        legend = str(app.screen.query_one(".likert-legend", Static).render()).replace("\xa0", " ")
        assert legend.startswith("1 Not at all   2 A little")
        assert "5 Very much" in legend
        assert shown(items, 0).endswith("· not answered")

        await pilot.press("3")
        await pilot.pause()
        assert cursor(app, items) == "r2", "a digit answers and moves on"
        assert shown(items, 0).endswith("● 3  ○ 4  ○ 5     Somewhat")
        assert header(app).startswith("1 / 6")

        await pilot.press("5", "1", "2", "4", "5")
        await pilot.pause()
        assert header(app).startswith("6 / 6")
        energy = app.screen.query_one("#field-energy TextArea", TextArea)
        assert app.screen.focused is energy, "after the last item come the extra fields"
        energy.text = "Long walks"

        # Revise the third item: arrows up/down move, left/right change.
        items.focus()
        await pilot.pause()
        assert cursor(app, items) == "s2", "back on the item left"
        await pilot.press("up", "up", "up")
        assert cursor(app, items) == "i1"
        await pilot.press("right")
        await pilot.pause()
        assert items.rows[2].value == 2
        assert shown(items, 2).endswith("A little")
        await pilot.press("down")
        assert cursor(app, items) == "i2"
        await pilot.press("ctrl+q")
    assert app.return_value == 0

    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(pack.exercise("interests"))  # type: ignore[arg-type]
        assert [answers.get(ITEM_KEYS.key(item)) for item in ITEMS] == [3, 5, 2, 2, 4, 5]
        assert answers.get("energy") == "Long walks"
    finally:
        session.close()


async def test_reopening_puts_the_cursor_on_the_first_unanswered_item(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    session.save_answers(
        [
            Answer(AnswerKey("mini", "interests", ITEM_KEYS.key("r1")), 4),
            Answer(AnswerKey("mini", "interests", ITEM_KEYS.key("r2")), 2),
            Answer(AnswerKey("mini", "interests", ITEM_KEYS.key("i2")), 5),
        ]
    )
    session.close()
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_interests(app, pilot)
        items = body.items_list
        assert cursor(app, items) == "i1"
        assert header(app).startswith("3 / 6")
        assert shown(items, 0).endswith("A lot")
        assert shown(items, 2).endswith("· not answered")
        await pilot.press("1")
        await pilot.pause()
        assert cursor(app, items) == "i2", "answered items are not skipped"
        assert header(app).startswith("4 / 6")


async def test_a_click_on_a_point_answers(tmp_path: Path) -> None:
    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_interests(app, pilot)
        items = body.items_list
        # Item 2's scale is its second line (one line of statement, then the
        # scale): 2 cells of cursor mark, 4 of number, then "○ 1  ○ 2  ○ 3  ○ 4":
        # the fourth point starts at column 6 + 15.
        await pilot.click(items, offset=(22, 3))
        await pilot.pause()
        assert items.rows[1].value == 4
        assert body.answers.get(ITEM_KEYS.key("r2")) == 4
        assert cursor(app, items) == "r2", "the clicked item is the current one"
        assert header(app).startswith("1 / 6")
        # A click on the statement picks the item without answering it.
        await pilot.click(items, offset=(10, 4))
        await pilot.pause()
        assert cursor(app, items) == "i1"
        assert items.rows[2].value is None


async def test_quick_digits_keep_one_marked_item_in_view(tmp_path: Path) -> None:
    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 16)) as pilot:
        body = await open_interests(app, pilot)
        items = body.items_list
        await pilot.press("down", "2", "right", "4", "5")
        await pilot.pause()
        # "2" answers r2; → on i1, unanswered, starts in the middle; "4" replaces it.
        assert [row.value for row in items.rows] == [None, 2, 4, 5, None, None]
        assert cursor(app, items) == "s1"
        assert [row.current for row in items.rows] == [False] * 4 + [True, False]
        assert [line.plain.startswith("█") for line in items.rows[4].lines(76)] == [True, True]
        # The list scrolled itself to the cursor's lines, under a legend that
        # stays: the exercise did not scroll (a scroll of it lays it out).
        exercise = app.screen.query_one("#exercise-scroll")
        assert exercise.scroll_y == 0
        view = items.scrollable_content_region
        top = view.y + items._index_to_line[4] - int(items.scroll_y)
        assert items.scroll_y > 0
        assert view.y <= top and top + 2 <= view.bottom
        assert view.bottom <= exercise.scrollable_content_region.bottom, "the list fits the view"
        legend = app.screen.query_one(".likert-legend")
        assert legend.region.y >= exercise.scrollable_content_region.y


async def test_the_footer_follows_the_focus(tmp_path: Path) -> None:
    from textual.widgets._footer import FooterKey

    def footer(app: BilanApp) -> list[str]:
        return [key.description for key in app.screen.query(FooterKey)]

    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_interests(app, pilot)
        await pilot.pause()
        assert "Answer" in footer(app) and "Back" in footer(app)
        app.screen.query_one("#field-energy TextArea", TextArea).focus()
        await pilot.pause()
        await pilot.pause()
        assert "Answer" not in footer(app), "the questionnaire's keys leave with its focus"
        assert "Back" in footer(app)
        body.items_list.focus()
        await pilot.pause()
        await pilot.pause()
        assert "Answer" in footer(app)


async def test_ten_quick_digits_all_land_and_show_answered(tmp_path: Path) -> None:
    """Ten digits typed at once on a 48-item questionnaire: each is saved and shown.

    The list scrolls itself under the legend (the exercise stays put), so
    the items just answered are drawn answered in the list's own view.
    """
    pack = shipped_pack("en")
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    digits = ["1", "2", "3", "4", "5", "5", "4", "3", "2", "1"]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("aptitudes")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        items = app.screen.query_one(LikertBody).items_list
        await pilot.press(*digits)
        await pilot.pause()
        assert header(app).startswith("10 / 48")
        assert [row.value for row in items.rows[:11]] == [int(d) for d in digits] + [None]
        assert items.highlighted == 10
        exercise = app.screen.query_one("#exercise-scroll")
        assert exercise.scroll_y == 0, "the exercise does not scroll: the list does"
        legend = app.screen.query_one(".likert-legend", Static)
        assert legend.region.y >= exercise.scrollable_content_region.y
        # What the list paints: every scale line in view up to the cursor is answered.
        painted = [items.render_line(y).text for y in range(items.scrollable_content_region.height)]
        scales = [line for line in painted if "○ 1" in line or "● 1" in line]
        assert scales and "●" in scales[0]
        assert sum("not answered" in line for line in scales) <= len(scales) - 1
        assert any(line.startswith("█") for line in painted), "the cursor is in view"
        await pilot.press("ctrl+q")

    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(pack.exercise("aptitudes"))  # type: ignore[arg-type]
        saved = [answers.get(ITEM_KEYS.key(row.item.id)) for row in items.rows[:11]]
        assert saved == [int(d) for d in digits] + [None]
    finally:
        session.close()
