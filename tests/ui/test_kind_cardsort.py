"""The cardsort kind from the keyboard: sort into piles, rank the first, define the top."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static, TabbedContent, TextArea

from bilan_tui.domain.answers import RANK
from bilan_tui.domain.keys import DEFINITION_KEYS, PILE_KEYS
from bilan_tui.domain.scoring.cardsort import sort_cards
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.kinds.cardsort import CardsortBody
from bilan_tui.ui.kinds.cardsort_rank import RankList
from bilan_tui.ui.kinds.cardsort_sort import CardList
from bilan_tui.ui.screens.exercise import ExerciseScreen

from .helpers import make_app, mini_pack, read_session, wait_for_session

CARDS = ["autonomy", "security", "creativity", "helping", "recognition", "balance"]


async def open_values(app: BilanApp, pilot: Pilot[Any]) -> CardsortBody:
    await wait_for_session(app, pilot)
    app.open_exercise("values")
    await pilot.pause()
    assert isinstance(app.screen, ExerciseScreen)
    return app.screen.query_one(CardsortBody)


def text(app: BilanApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def ranked(app: BilanApp) -> list[str]:
    """The rank list as shown: numbered top, then the rest (separators left out)."""
    options = app.screen.query_one(RankList).options
    return [str(option.prompt).strip() for option in options if option.id]


async def test_sort_rank_define_and_reopen(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_values(app, pilot)
        cards = app.screen.query_one(CardList)
        assert app.screen.focused is cards
        assert text(app, ".cardsort-card") == "Autonomy\nOrganising my own work."
        assert "Card 1 of 6" in str(app.screen.query_one(".cardsort-card").border_title)
        assert str(app.screen.query_one("#pile-1").render()).strip() == "1 Essential (0)"

        # Two cards in Essential only: the rank step says what is missing.
        await pilot.press("1", "2", "1", "3", "2", "3")
        await pilot.pause()
        assert text(app, ".cardsort-unsorted") == "All sorted. Next step: ^→"
        assert body.progress() == (6, 6)
        assert str(app.screen.query_one("#pile-1").render()).strip() == "1 Essential (2)"
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert body.tabs.active == "cardsort-rank"
        assert text(app, "#rank-step-body .cardsort-note").startswith(
            "Put at least 3 cards in Essential: 1 more to go."
        )

        # Back to sorting: revisit two cards and change their pile.
        await pilot.press("ctrl+left")
        await pilot.pause()
        assert app.screen.focused is cards
        cards.highlighted = CARDS.index("helping")
        await pilot.press("1")
        await pilot.pause()
        assert text(app, ".cardsort-card").startswith("Recognition"), "then the next card"
        cards.highlighted = CARDS.index("balance")
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.query_one(".cardsort-card").border_subtitle == "Essential"

        # Rank: four in Essential, top 3.
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one(RankList)
        assert ranked(app) == ["1. Autonomy", "2. Creativity", "3. Helping others", "Balance"]
        await pilot.press("end", "ctrl+up", "ctrl+up", "K")
        await pilot.pause()
        assert ranked(app) == ["1. Balance", "2. Autonomy", "3. Creativity", "Helping others"]
        assert body.answers.get(RANK) == ["balance", "autonomy", "creativity", "helping"]
        result = sort_cards(body.exercise, body.answers)
        assert [item.card.id for item in result.top] == ["balance", "autonomy", "creativity"]

        # Define the top.
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert body.tabs.active == "cardsort-define"
        first = app.screen.query_one("#definition-balance TextArea", TextArea)
        assert app.screen.focused is first
        assert "1. Balance" in str(
            app.screen.query_one("#definition-balance .field-label").render()
        )
        first.text = "Evenings [b]free[/b]"
        app.screen.query_one("#definition-creativity TextArea", TextArea).text = "Making things"
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert app.return_value == 0

    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(pack.exercise("values"))  # type: ignore[arg-type]
        piles = {card: answers.get(PILE_KEYS.key(card)) for card in CARDS}
        assert piles == {
            "autonomy": "essential",
            "security": "important",
            "creativity": "essential",
            "helping": "essential",
            "recognition": "important",
            "balance": "essential",
        }
        assert answers.get(RANK) == ["balance", "autonomy", "creativity", "helping"]
        assert answers.get(DEFINITION_KEYS.key("balance")) == "Evenings [b]free[/b]"
        assert answers.get(DEFINITION_KEYS.key("creativity")) == "Making things"
    finally:
        session.close()

    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_values(app, pilot)
        assert body.query_one(TabbedContent).active == "cardsort-define", "resume at step 3"
        area = app.screen.query_one("#definition-balance TextArea", TextArea)
        assert area.text == "Evenings [b]free[/b]"
        assert app.screen.focused is area


async def test_unsort_and_mouse_piles(tmp_path: Path) -> None:
    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_values(app, pilot)
        await pilot.click("#pile-2")
        await pilot.pause()
        assert body.answers.get(PILE_KEYS.key("autonomy")) == "important"
        assert text(app, ".cardsort-card").startswith("Security")
        await pilot.press("up", "delete")
        await pilot.pause()
        assert body.answers.get(PILE_KEYS.key("autonomy")) is None
        assert body.progress() == (0, 6)
        assert app.screen.query_one(".cardsort-card").border_subtitle == "not sorted yet"
