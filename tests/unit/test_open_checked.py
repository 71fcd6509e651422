"""Opening a workbook the caller has just inspected does not read the whole file again.

``inspect_workbook`` runs ``PRAGMA quick_check``, which reads every page: on a
workbook kept for years it costs more than everything the dashboard reads.
The interface inspects the file before it starts, so it hands that
inspection to ``open_workbook(checked=...)``. The version is still compared:
a file a newer bilan wrote is refused untouched either way.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.packs import load_shipped_pack
from bilan_tui.session import WorkbookSession
from bilan_tui.store import WorkbookTooNew, repository
from bilan_tui.store.inspection import Inspection, inspect_workbook
from bilan_tui.store.lock import acquire_lock
from bilan_tui.store.migrations import SCHEMA_VERSION
from bilan_tui.store.repository import open_workbook


@pytest.fixture
def inspections(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths ``open_workbook`` inspects, in order (the check itself still runs)."""
    seen: list[Path] = []

    def counting(path: Path, known_version: int) -> Inspection:
        seen.append(path)
        return inspect_workbook(path, known_version)

    monkeypatch.setattr(repository, "inspect_workbook", counting)
    return seen


def make_workbook(path: Path) -> Path:
    with open_workbook(path, language="en") as workbook:
        workbook.set_done("bilan", "demande")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_inspected_workbook_is_not_inspected_again(
    tmp_path: Path, inspections: list[Path]
) -> None:
    path = make_workbook(tmp_path / "wb.sqlite")
    checked = inspect_workbook(path, SCHEMA_VERSION)
    with open_workbook(path, create=False, checked=checked) as workbook:
        assert workbook.statuses("bilan") == {"demande": ExerciseStatus.DONE}
    assert inspections == []
    with open_workbook(path, create=False):
        pass
    assert inspections == [path]


def test_the_session_passes_the_inspection_on(tmp_path: Path, inspections: list[Path]) -> None:
    path = make_workbook(tmp_path / "wb.sqlite")
    checked = inspect_workbook(path, SCHEMA_VERSION)
    pack = load_shipped_pack("en")
    session = WorkbookSession.open(path, pack, language="en", create=False, checked=checked)
    try:
        assert session.dashboard_data().statuses["demande"] is ExerciseStatus.DONE
    finally:
        session.close()
    assert inspections == []


def test_a_newer_version_is_refused_unchanged_and_unlocked(
    tmp_path: Path, inspections: list[Path]
) -> None:
    path = make_workbook(tmp_path / "wb.sqlite")
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = digest(path)
    checked = Inspection(user_version=SCHEMA_VERSION + 1, blank=False)
    with pytest.raises(WorkbookTooNew) as caught:
        open_workbook(path, create=False, lock=True, checked=checked)
    assert (caught.value.found, caught.value.known) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)
    assert "newer version" in str(caught.value)
    assert digest(path) == before
    assert inspections == []
    with acquire_lock(path):  # the lock taken for the attempt was released
        pass


def test_a_blank_file_inspected_as_blank_becomes_a_workbook(
    tmp_path: Path, inspections: list[Path]
) -> None:
    path = tmp_path / "blank.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("VACUUM")
    connection.close()
    checked = inspect_workbook(path, SCHEMA_VERSION)
    assert checked.blank
    with open_workbook(path, language="en", create=False, checked=checked) as workbook:
        assert workbook.info().name == "blank"
        assert workbook.pragma("user_version") == SCHEMA_VERSION
    assert inspections == []
