"""The demo's journal: its last session prepared and debriefed, one item still to do."""

from __future__ import annotations

import datetime
from pathlib import Path

from bilan_tui.domain.model import Pack
from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.services.demo.script import DemoScript
from bilan_tui.services.session import WorkbookSession

from .demo_helpers import REFERENCE


def test_the_last_session_is_prepared_and_debriefed(pack: Pack, script: DemoScript) -> None:
    [(entry, page)] = script.journal
    sessions = [e for e in script.ledger if e.kind == "accompagnement"]
    assert entry is sessions[-1], "the synthesis, her last session"
    assert page.prepare and page.retain
    assert [item.done for item in page.todo] == [True, False]


def test_the_demo_workbook_shows_the_open_item_and_the_follow_up(
    pack: Pack, tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    recreate_demo(path, pack, reference=REFERENCE)
    session = WorkbookSession.open(path, pack, language=pack.language, create=False)
    session.today = lambda: REFERENCE
    try:
        [page] = session.session_notes()
        held = {e.id: e for e in session.ledger()}[page.entry_id]
        assert held.kind == "accompagnement"
        view = session.journal_view()
        assert view.next is None, "the bilan is over: no session planned"
        [(index, item)] = view.todo
        assert index == 1 and not item.done
        follow_up = session.follow_up_reminder()
        assert follow_up is not None and follow_up.state == "later"
        assert follow_up.date > REFERENCE + datetime.timedelta(days=150)
    finally:
        session.close()
