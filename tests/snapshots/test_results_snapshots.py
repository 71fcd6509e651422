"""How the skills grid, the decision matrix and the profile look at 80×24 (mini pack)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bilan_tui.domain.answers import POSITION, RANK, Answer, AnswerKey, JSONValue
from bilan_tui.domain.keys import (
    CUSTOM_ITEM_KEYS,
    DEFINITION_KEYS,
    ITEM_KEYS,
    PILE_KEYS,
    RATING_KEYS,
    SCORE_KEYS,
    WEIGHT_KEYS,
)
from bilan_tui.services.session import WorkbookSession
from tests.ui.helpers import make_app, mini_pack, opened, settle

Row = tuple[str, str, JSONValue, str]

STORIES: list[Row] = [
    ("stories", "title", "Village fair", "s1"),
    ("stories", "skills", ["Listen actively", "Public speaking"], "s1"),
    ("stories", POSITION, 0, "s1"),
    ("stories", "title", "Training day", "s2"),
    ("stories", "skills", ["public speaking"], "s2"),
    ("stories", POSITION, 1, "s2"),
]
SKILLS: list[Row] = [
    ("skills", RATING_KEYS.key("plan"), [2, 3], ""),
    ("skills", RATING_KEYS.key("budget"), [3, 0], ""),
    ("skills", RATING_KEYS.key("listen"), [3, 3], ""),
    ("skills", "custom", ["Baking bread"], ""),
    ("skills", RATING_KEYS.key(CUSTOM_ITEM_KEYS.key("Baking bread")), [1, 2], ""),
]
LEADS: list[Row] = [
    ("leads", "name", "Nurse", "l1"),
    ("leads", POSITION, 0, "l1"),
    ("leads", "name", "Baker in a village bakery", "l2"),
    ("leads", POSITION, 1, "l2"),
    ("compare", WEIGHT_KEYS.key("pay"), 4, ""),
    ("compare", SCORE_KEYS.key("values"), 5, "l1"),
    ("compare", SCORE_KEYS.key("pay"), 3, "l1"),
    ("compare", SCORE_KEYS.key("commute"), 2, "l1"),
    ("compare", SCORE_KEYS.key("values"), 3, "l2"),
    ("compare", SCORE_KEYS.key("pay"), 4, "l2"),
]
PROFILE: list[Row] = [
    *((("interests", ITEM_KEYS.key(item), value, "")) for item, value in (("r1", 5), ("r2", 4))),
    *((("interests", ITEM_KEYS.key(item), value, "")) for item, value in (("i1", 1), ("i2", 2))),
    *((("interests", ITEM_KEYS.key(item), value, "")) for item, value in (("s1", 5), ("s2", 5))),
    ("values", PILE_KEYS.key("helping"), "essential", ""),
    ("values", PILE_KEYS.key("autonomy"), "essential", ""),
    ("values", PILE_KEYS.key("balance"), "essential", ""),
    ("values", RANK, ["helping", "autonomy", "balance"], ""),
    ("values", DEFINITION_KEYS.key("helping"), "Being useful to someone", ""),
]


def workbook_with(tmp_path: Path, rows: list[Row]) -> Path:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    session.save_answers(
        Answer(AnswerKey("mini", ex, field, entry), v) for ex, field, v, entry in rows
    )
    session.close()
    return workbook


def opener(exercise_id: str | None) -> Any:
    """The workbook opened, then an exercise (or, with ``None``, the profile)."""

    async def open_it(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        if exercise_id is None:
            await pilot.press("p")
        else:
            pilot.app.open_exercise(exercise_id)  # type: ignore[attr-defined]
        await settle(pilot)

    return open_it


def test_grid(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the skills grid: mastery and desire dots, zones, the stories cited."""
    workbook = workbook_with(tmp_path, STORIES + SKILLS)
    app = make_app(workbook, mini_pack())
    assert snap_compare(app, terminal_size=(80, 24), run_before=opener("skills"))


def test_matrix(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the decision matrix: weights, scores per lead, totals and ranking."""
    workbook = workbook_with(tmp_path, LEADS)
    app = make_app(workbook, mini_pack())
    assert snap_compare(app, terminal_size=(80, 24), run_before=opener("compare"))


def test_profile(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the profile: interest bars and code, values ranked, skills by zone."""
    workbook = workbook_with(tmp_path, STORIES + SKILLS + PROFILE)
    app = make_app(workbook, mini_pack())
    assert snap_compare(app, terminal_size=(80, 24), run_before=opener(None))
