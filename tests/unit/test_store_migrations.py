"""Released schemas open with every answer intact; upgrades are atomic and backed up."""

from __future__ import annotations

import datetime
import hashlib
import shutil
import sqlite3
import stat
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import Connection

from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.domain.records import Consent, Homework, LedgerEntry
from bilan_tui.store import WorkbookTooNew
from bilan_tui.store.inspection import read_header
from bilan_tui.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration, target_version
from bilan_tui.store.repository import DISPLAY_NAME, open_workbook

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db"
UTC = datetime.UTC
WHEN = datetime.datetime(2026, 1, 10, 18, 30, tzinfo=UTC)
E1 = "7f1c2a9e-0000-4000-8000-000000000001"
E2 = "7f1c2a9e-0000-4000-8000-000000000002"
E3 = "7f1c2a9e-0000-4000-8000-000000000003"

# The literal content of tests/fixtures/db/v1.sqlite, as make_fixture_db.py wrote it.
EXPECTED_V1 = {
    ("demande", "pourquoi", ""): "Je veux changer de métier — « enfin » ✨",
    ("demande", "attentes", ""): "Ligne 1\nLigne 2 : œuvre, çà, naïve\t[b]pas du balisage[/b]",
    ("demande", "heures", ""): 24,
    ("demande", "formats", ""): ["presentiel", "distanciel"],
    ("demande", "accord", ""): True,
    ("demande", "debut", ""): "2026-01-12",
    ("demande", "efface", ""): "",
    ("parcours", "@position", E3): 0,
    ("parcours", "poste", E3): "Infirmière",
    ("parcours", "annee", E3): 2008,
    ("parcours", "@position", E1): 1,
    ("parcours", "poste", E1): "Cadre de santé",
    ("parcours", "annee", E1): 2015,
    ("parcours", "@position", E2): 2,
    ("parcours", "poste", E2): "Formatrice",
    ("parcours", "annee", E2): 2021,
    ("parcours", "tags", E2): ["pédagogie", "écoute"],
    ("interets", "item:r1", ""): 4,
    ("interets", "item:i2", ""): 2,
    ("interets", "item:s3", ""): 5,
    ("valeurs", "pile:autonomie", ""): "essentiel",
    ("valeurs", "rank", ""): ["autonomie", "utilite"],
    ("valeurs", "definition:autonomie", ""): "Choisir mes horaires",
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_of(version: int, tmp_path: Path) -> Path:
    path = tmp_path / "camille.sqlite"
    shutil.copyfile(FIXTURES / f"v{version}.sqlite", path)
    return path


def add_note_column(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE answer ADD COLUMN note TEXT NOT NULL DEFAULT ''")


def add_tag_table(connection: Connection) -> None:
    connection.exec_driver_sql("CREATE TABLE tag (name TEXT PRIMARY KEY)")


def fail(connection: Connection) -> None:
    raise RuntimeError("step failed")


def columns(path: Path, table: str) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    finally:
        connection.close()


def assert_v1_content(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    with open_workbook(path, create=False, migrations=migrations) as workbook:
        stored = {
            (a.key.exercise_id, a.key.field_id, a.key.entry_id): a.value
            for a in workbook.answers("bilan")
        }
        assert stored == EXPECTED_V1
        assert {a.updated_at for a in workbook.all_answers()} == {WHEN}
        parcours = workbook.exercise_answers("bilan", "parcours")
        assert [e.id for e in parcours.entries()] == [E3, E1, E2]
        assert workbook.statuses("bilan")["demande"] is ExerciseStatus.DONE
        assert workbook.statuses("bilan")["interets"] is ExerciseStatus.STARTED
        info = workbook.info()
        assert (info.name, info.language, info.pack_ids) == ("v1", "fr", ("bilan",))
        assert workbook.ledger() == [
            LedgerEntry(
                datetime.date(2026, 1, 12),
                90,
                "preliminaire",
                "accompagnement",
                "Premier entretien",
                "manual",
                None,
                1,
            )
        ]
        assert workbook.homework() == [
            Homework(
                "bilan",
                ("valeurs", "interets"),
                "sha256:5d41402abc4b2a76b9719d911017c592",
                datetime.date(2026, 2, 1),
                "Avant notre rendez-vous de jeudi",
                WHEN,
                1,
            )
        ]
        assert workbook.consents() == [
            Consent("consultant", "synthese", "md", False, "/home/camille/synthese.md", WHEN, 1)
        ]
        assert workbook.get_setting(DISPLAY_NAME) == "Camille M."


def test_v1_fixture_opens_with_every_answer_intact(tmp_path: Path) -> None:
    assert_v1_content(copy_of(1, tmp_path))


def test_every_released_schema_has_a_fixture() -> None:
    for version in range(1, SCHEMA_VERSION + 1):
        assert (FIXTURES / f"v{version}.sqlite").is_file()


def test_an_upgrade_backs_up_then_migrates_keeping_every_answer(tmp_path: Path) -> None:
    path = copy_of(1, tmp_path)
    original = digest(path)
    steps = (Migration(2, "answer notes", add_note_column),)
    with open_workbook(path, migrations=steps) as workbook:
        assert workbook.pragma("user_version") == 2
    assert "note" in columns(path, "answer")
    assert_v1_content(path, migrations=steps)

    (backup,) = (tmp_path / "backups").iterdir()
    assert backup.name.startswith("camille-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert read_header(backup).user_version == 1
    assert "note" not in columns(backup, "answer")
    # The backup holds the same data as the original file.
    restored = tmp_path / "restored" / "v1.sqlite"
    restored.parent.mkdir()
    shutil.copyfile(backup, restored)
    assert_v1_content(restored)
    assert original != digest(path)


def test_a_failing_step_rolls_back_every_step(tmp_path: Path) -> None:
    path = copy_of(1, tmp_path)
    steps = (
        Migration(2, "answer notes", add_note_column),
        Migration(3, "tags", add_tag_table),
        Migration(4, "broken", fail),
    )
    with pytest.raises(RuntimeError, match="step failed"):
        open_workbook(path, migrations=steps)
    assert "note" not in columns(path, "answer")
    assert columns(path, "tag") == []
    assert read_header(path).user_version == 1
    assert len(list((tmp_path / "backups").iterdir())) == 1
    assert_v1_content(path)


def test_an_up_to_date_workbook_is_not_backed_up_on_open(tmp_path: Path) -> None:
    path = copy_of(SCHEMA_VERSION, tmp_path)
    with open_workbook(path):
        pass
    assert not (tmp_path / "backups").exists()


def test_a_newer_workbook_is_refused_unchanged(tmp_path: Path) -> None:
    path = copy_of(SCHEMA_VERSION, tmp_path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = digest(path)
    with pytest.raises(WorkbookTooNew) as caught:
        open_workbook(path, lock=True)
    assert caught.value.found == SCHEMA_VERSION + 1
    assert caught.value.known == SCHEMA_VERSION
    assert "newer version" in str(caught.value)
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()
    # The lock taken for the attempt was released.
    newer = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "n", add_note_column))
    with open_workbook(path, lock=True, migrations=newer):
        pass


def test_steps_must_be_numbered_in_order() -> None:
    assert target_version(()) == 1
    assert target_version((Migration(2, "a", add_note_column),)) == 2
    with pytest.raises(ValueError):
        target_version((Migration(3, "a", add_note_column),))
