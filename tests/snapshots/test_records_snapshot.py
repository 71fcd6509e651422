"""How a records exercise looks: the list of entries, one summary line each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bilan_tui.domain.answers import POSITION, Answer, AnswerKey
from bilan_tui.services.session import WorkbookSession
from tests.ui.helpers import make_app, mini_pack, opened, settle


def test_records(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the list of stories, the second highlighted, and whole footer keys."""
    pack = mini_pack()
    workbook = tmp_path / "records.sqlite"
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    values = [
        ("a1", 0, {"title": "Moved the office over a weekend", "year": 2019}),
        ("b2", 1, {"title": "Trained two interns [b]", "skills": ["teaching"]}),
        ("c3", 2, {}),
    ]
    answers = []
    for entry_id, position, fields in values:
        answers.append(Answer(AnswerKey("mini", "stories", POSITION, entry_id), position))
        for field_id, value in fields.items():
            answers.append(Answer(AnswerKey("mini", "stories", field_id, entry_id), value))
    session.save_answers(answers)
    session.close()

    async def open_stories(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        pilot.app.open_exercise("stories")  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(make_app(workbook, pack), terminal_size=(80, 24), run_before=open_stories)
