"""The dashboard read with ``sqlite3`` alone must be what the full session shows.

The interface shows this quick read before SQLAlchemy is imported (DESIGN
§12), then the full session's data: any difference would flicker or, worse,
show wrong states or hours until the next refresh.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.domain.records import Homework
from bilan_tui.packs import load_shipped_pack, outline_pack, read_outline
from bilan_tui.services.dashboard_data import DashboardData, quick_dashboard_data
from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store import quick_read
from bilan_tui.store.migrations import SCHEMA_VERSION

MINI = Path(__file__).parent.parent / "fixtures" / "packs" / "mini"


def _full(path: Path, language: str = "en") -> DashboardData:
    session = WorkbookSession.open(
        path, load_shipped_pack(language), language=language, create=False
    )
    try:
        return session.dashboard_data()
    finally:
        session.close()


def test_the_reader_follows_the_schema_version() -> None:
    assert quick_read.SCHEMA_VERSION == SCHEMA_VERSION, "update quick_read.py with the migration"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_demo_reads_as_the_full_session_shows_it(tmp_path: Path, language: str) -> None:
    path = tmp_path / "demo.sqlite"
    pack = load_shipped_pack(language)
    recreate_demo(path, pack)
    quick = quick_dashboard_data(path, pack)
    full = _full(path, language)
    assert quick is not None
    assert quick == full
    assert quick.display_name == "Nadia F."
    assert quick.hours is not None and quick.hours.accompagnement_minutes > 0
    assert any(phase.planned_hours for phase in quick.hours.by_phase.values())
    assert ExerciseStatus.DONE in quick.statuses.values()


def test_homework_setting_and_empty_answers_read_alike(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    pack = load_shipped_pack("en")
    recreate_demo(path, pack)
    session = WorkbookSession.open(path, pack, language="en", create=False)
    first, second = pack.exercises[0], pack.exercises[-1]
    try:
        session.workbook.set_setting("display_name", "Zoé <b>[bold]")
        session.workbook.add_homework(
            Homework(pack.id, (second.id, first.id), "hash-1", datetime.date(2030, 1, 2), "Hi")
        )
        session.workbook.add_homework(Homework(pack.id, (first.id,), "hash-2", None, ""))
        session.workbook.set_done(pack.id, second.id, False)
        full = session.dashboard_data()
    finally:
        session.close()
    quick = quick_dashboard_data(path, pack)
    assert quick is not None
    assert quick == full
    assert quick.display_name == "Zoé <b>[bold]"
    assert quick.homework is not None and len(quick.homework) == 2


def test_a_new_workbook_reads_as_the_full_session_shows_it(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    pack = load_shipped_pack("en")
    WorkbookSession.open(path, pack, language="en", create=True).close()
    quick = quick_dashboard_data(path, pack)
    assert quick is not None
    assert quick == _full(path)
    assert set(quick.statuses.values()) == {ExerciseStatus.TODO}


def test_the_outline_pack_reads_like_the_full_pack(tmp_path: Path) -> None:
    """The app reads with the stand-in pack it drew its first frame from."""
    from bilan_tui.packs import load_pack

    path = tmp_path / "wb.sqlite"
    session = WorkbookSession.open(path, load_pack(MINI), language="en", create=True)
    try:
        about = session.pack.exercise("about")
        assert about is not None
        answers = session.exercise_answers(about)
        answers.set("name", "Camille")
        session.save_answers(answers)
        full = session.dashboard_data()
    finally:
        session.close()
    quick = quick_dashboard_data(path, outline_pack(read_outline(MINI)))
    assert quick is not None
    assert quick.statuses == full.statuses
    assert quick.statuses["about"] is ExerciseStatus.STARTED
    assert (quick.display_name, quick.hours) == (full.display_name, full.hours)


def test_a_missing_or_foreign_file_is_skipped_without_creating_anything(tmp_path: Path) -> None:
    pack = load_shipped_pack("en")
    missing = tmp_path / "missing.sqlite"
    assert quick_dashboard_data(missing, pack) is None
    assert list(tmp_path.iterdir()) == []
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    assert quick_dashboard_data(garbage, pack) is None
    assert garbage.read_bytes() == b"not a database at all" * 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.sqlite"]
