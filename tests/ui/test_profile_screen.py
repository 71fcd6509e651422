"""My profile: the code and the bars for a filled workbook, what to do for an empty one."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from bilan_tui.domain.answers import POSITION, RANK, Answer, AnswerKey, JSONValue
from bilan_tui.domain.keys import DEFINITION_KEYS, ITEM_KEYS, PILE_KEYS, RATING_KEYS
from bilan_tui.domain.model import Pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.dashboard import DashboardScreen
from bilan_tui.ui.screens.profile import ProfileScreen
from bilan_tui.ui.widgets.profile_bars import BarChart

from .helpers import make_app, mini_pack, shipped_pack, wait_for_session


def fill_mini(workbook: Path, pack: Pack) -> None:
    """Interests, values, stories and skills, written through the session like the UI does."""
    values: list[tuple[str, str, JSONValue, str]] = [
        ("interests", ITEM_KEYS.key("r1"), 5, ""),
        ("interests", ITEM_KEYS.key("r2"), 4, ""),
        ("interests", ITEM_KEYS.key("i1"), 1, ""),
        ("interests", ITEM_KEYS.key("i2"), 2, ""),
        ("interests", ITEM_KEYS.key("s1"), 5, ""),
        ("interests", ITEM_KEYS.key("s2"), 5, ""),
        ("values", PILE_KEYS.key("helping"), "essential", ""),
        ("values", PILE_KEYS.key("autonomy"), "essential", ""),
        ("values", RANK, ["helping", "autonomy"], ""),
        ("values", DEFINITION_KEYS.key("helping"), "Being [i]useful[/i]", ""),
        ("stories", "title", "Village fair [b]", "s1"),
        ("stories", "skills", ["Listen actively"], "s1"),
        ("stories", POSITION, 0, "s1"),
        ("skills", RATING_KEYS.key("listen"), [3, 3], ""),
        ("skills", RATING_KEYS.key("plan"), [0, 3], ""),
        ("skills", RATING_KEYS.key("budget"), [3, 1], ""),
    ]
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    session.save_answers(
        Answer(AnswerKey(pack.id, exercise, field, entry), value)
        for exercise, field, value, entry in values
    )
    session.close()


def texts(screen: ProfileScreen) -> list[str]:
    """Every line of text on the profile, bars excepted."""
    return [str(static.render()) for static in screen.query(Static)]


async def open_profile(app: BilanApp, pilot: Pilot[int]) -> ProfileScreen:
    await wait_for_session(app, pilot)
    await pilot.press("p")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ProfileScreen)
    return screen


async def test_profile_shows_the_code_bars_values_and_evidence(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    fill_mini(workbook, pack)
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profile(app, pilot)
        shown = texts(screen)
        assert "My interests  code SR" in shown
        bars = screen.query(BarChart).first()
        assert [(row.label, row.value, row.strong) for row in bars.rows] == [
            ("S  Social", "100", True),
            ("R  Realistic", "88", True),
            ("I  Investigative", "12", False),
        ]
        lines = str(bars.render()).splitlines()
        assert lines[0].startswith("S  Social") and lines[0].endswith("100")
        assert "█" * 20 in lines[0], "a full bar fills the width"
        assert lines[0].count("█") > lines[1].count("█") > lines[2].count("█")
        assert any(text.startswith("Your code: SR.") for text in shown)
        values = next(text for text in shown if text.startswith("1. "))
        assert values.splitlines() == [
            "1. Helping others — “Being [i]useful[/i]”",
            "2. Autonomy — Organising my own work.",
        ]
        assert any(
            "Move 1 more card to “Essential” to complete your top 3." in text for text in shown
        )
        skills = next(text for text in shown if text.startswith("Assets"))
        assert skills.splitlines() == [
            "Assets",
            "● Listen actively",
            "    1 story: Village fair [b]",
            "To develop",
            "○ Plan work over several weeks",
            "To let go",
            "○ Keep a budget",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_empty_workbook_profile_says_what_to_do(tmp_path: Path) -> None:
    app = make_app(tmp_path / "wb.sqlite", mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profile(app, pilot)
        hints = [str(hint.render()) for hint in screen.query(".profile-hint").results(Static)]
        assert hints == [
            "Rate the 6 activities in “My interests” to see your code.",
            "Sort the cards in “My values” to see your top values.",
            "Rate your skills in “My skills” to see your assets and what to develop.",
        ]
        assert not screen.query(BarChart)


async def test_shipped_profile_opens_from_the_palette_over_an_exercise(tmp_path: Path) -> None:
    pack = shipped_pack("en")
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("competences")
        await pilot.pause()
        await pilot.press("3", "3")  # a first asset, not saved yet
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"My profile")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        shown = texts(screen)
        assert "Rate the 48 activities in “My interests” to see your code." in shown
        assert any(text.startswith("Assets\n● Foreign language") for text in shown), (
            "the rating typed just before is part of the profile"
        )
