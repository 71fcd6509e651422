"""How a likert exercise looks: legend, answered and unanswered items, cursor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.services.session import WorkbookSession
from tests.ui.helpers import make_app, mini_pack, opened, settle


def test_likert(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the scale's items, their ratings, the cursor's item, whole footer keys."""
    pack = mini_pack()
    workbook = tmp_path / "likert.sqlite"
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    session.save_answers(
        [
            Answer(AnswerKey("mini", "interests", ITEM_KEYS.key("r1")), 4),
            Answer(AnswerKey("mini", "interests", ITEM_KEYS.key("r2")), 1),
        ]
    )
    session.close()

    async def open_interests(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        pilot.app.open_exercise("interests")  # type: ignore[attr-defined]
        await settle(pilot)

    assert snap_compare(make_app(workbook, pack), terminal_size=(80, 24), run_before=open_interests)
