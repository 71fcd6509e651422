"""The interface opens a workbook without reading every page, and checks it right after.

``PRAGMA quick_check`` reads the whole file: on a workbook kept for years it
costs more than everything the dashboard reads. ``open_workbook(integrity=False)``
skips it, and ``verify_integrity`` runs it in the background once the
dashboard is drawn (``cli/tui.py``). Everything else the inspection refuses is
still refused at once: a newer version, another program's file.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store import NotAWorkbook, WorkbookDamaged, WorkbookTooNew, inspection
from bilan_tui.store.inspection import verify_integrity
from bilan_tui.store.lock import acquire_lock
from bilan_tui.store.migrations import SCHEMA_VERSION
from bilan_tui.store.repository import open_workbook
from tests.robustness.damage import flipped_bytes


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each read-only inspection query ran ``quick_check``, in order."""
    seen: list[bool] = []
    query = inspection._query

    def counting(path: Path, integrity: bool) -> tuple[str, int, int, int]:
        seen.append(integrity)
        return query(path, integrity)

    monkeypatch.setattr(inspection, "_query", counting)
    return seen


def make_workbook(path: Path, pages: int = 0) -> Path:
    from bilan_tui.domain.answers import Answer, AnswerKey

    with open_workbook(path, language="en") as workbook:
        workbook.set_done("bilan", "demande")
        workbook.save_answers(
            [Answer(AnswerKey("bilan", "parcours", f"f{n}"), "x" * 3000) for n in range(pages)]
        )
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_opening_without_the_integrity_check_skips_only_quick_check(
    tmp_path: Path, checks: list[bool]
) -> None:
    path = make_workbook(tmp_path / "wb.sqlite")
    with open_workbook(path, create=False, integrity=False) as workbook:
        assert workbook.statuses("bilan") == {"demande": ExerciseStatus.DONE}
    with open_workbook(path, create=False):
        pass
    assert checks == [False, True]


def test_the_session_passes_the_choice_on(tmp_path: Path, checks: list[bool]) -> None:
    path = make_workbook(tmp_path / "wb.sqlite")
    pack = load_shipped_pack("en")
    session = WorkbookSession.open(path, pack, language="en", create=False, integrity=False)
    try:
        assert session.dashboard_data().statuses["demande"] is ExerciseStatus.DONE
    finally:
        session.close()
    assert checks == [False]


def test_damage_deep_in_the_file_is_found_by_the_check_that_follows(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "wb.sqlite", pages=20)
    verify_integrity(path)  # healthy: nothing to say
    flipped_bytes(path)
    before = digest(path)
    with pytest.raises(WorkbookDamaged, match="integrity check failed"):
        verify_integrity(path)
    with pytest.raises(WorkbookDamaged):
        open_workbook(path, create=False)  # the full open still refuses it
    assert digest(path) == before


def test_a_newer_version_is_still_refused_unchanged_and_unlocked(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "wb.sqlite")
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = digest(path)
    with pytest.raises(WorkbookTooNew) as caught:
        open_workbook(path, create=False, lock=True, integrity=False)
    assert (caught.value.found, caught.value.known) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)
    assert digest(path) == before
    with acquire_lock(path):  # the lock taken for the attempt was released
        pass


def test_another_programs_database_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(NotAWorkbook):
        open_workbook(path, create=False, integrity=False)
    assert digest(path) == before


def test_a_blank_file_still_becomes_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("VACUUM")
    connection.close()
    with open_workbook(path, language="en", create=False, integrity=False) as workbook:
        assert workbook.info().name == "blank"
        assert workbook.pragma("user_version") == SCHEMA_VERSION
