"""How a card sort looks: the card in front, the piles and every card's pile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.keys import PILE_KEYS
from bilan_tui.services.session import WorkbookSession
from tests.ui.helpers import make_app, mini_pack, opened, settle


def test_cardsort(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the sort step: the steps, the card in hand, the three piles, whole keys."""
    pack = mini_pack()
    workbook = tmp_path / "cardsort.sqlite"
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    piles = {"autonomy": "essential", "security": "important", "creativity": "secondary"}
    session.save_answers(
        [
            Answer(AnswerKey("mini", "values", PILE_KEYS.key(card)), pile)
            for card, pile in piles.items()
        ]
    )
    session.close()

    async def open_values(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        pilot.app.open_exercise("values")  # type: ignore[attr-defined]
        await settle(pilot)

    assert snap_compare(make_app(workbook, pack), terminal_size=(80, 24), run_before=open_values)
