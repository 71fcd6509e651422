"""How the dashboard looks, with the shipped pack and one exercise started."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession
from tests.ui.helpers import make_app, opened


def test_dashboard(snap_compare: Any, tmp_path: Path) -> None:
    """You should see Camille's name, the phases with one exercise done, next step, hours."""
    pack = load_shipped_pack("en")
    workbook = tmp_path / "camille.sqlite"
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    session.save_answers([Answer(AnswerKey("bilan", "demande", "declencheur"), "A change")])
    session.set_done(pack.exercises[1], True)
    session.workbook.set_setting("display_name", "Camille M.")
    session.close()

    assert snap_compare(make_app(workbook, pack), terminal_size=(100, 30), run_before=opened)
