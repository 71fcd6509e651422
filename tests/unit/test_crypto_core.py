"""Encryption at rest, headless: the key file, the encrypted workbook, turning it on and off."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.crypto import keyfile, keyring, migrate
from bilan_tui.crypto.errors import KeyFileError, WorkbookLocked, WrongPassphrase
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.backup import rolling_backups, usable_backups
from bilan_tui.store.errors import WorkbookBusy
from bilan_tui.store.repository import open_workbook

MARKER = "Quetzalcoatlite"
PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def _no_keys_left() -> Iterator[None]:
    keyring.forget()
    yield
    keyring.forget()


def _workbook(tmp_path: Path, *, backups: int = 1) -> Path:
    path = tmp_path / "workbooks" / "w.sqlite"
    with open_workbook(path) as workbook:
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "why"), f"{MARKER} one")])
        for _ in range(backups):
            workbook.rolling_backup(force=True)
    return path


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def _holds_marker(path: Path) -> bool:
    data = path.read_bytes()
    return any(MARKER.encode(codec) in data for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def test_the_key_file_unwraps_only_with_its_passphrase(tmp_path: Path) -> None:
    workbook = tmp_path / "w.sqlite"
    data_key = keyfile.new_data_key()
    keyfile.store_key(workbook, data_key, PASS)
    for path in keyfile.key_files(workbook):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        content = json.loads(path.read_text())
        assert content["version"] == 1 and content["kdf"]["name"] == "argon2id"
        assert data_key.hex() not in path.read_text()
    assert keyfile.unlock(workbook, PASS) == data_key
    with pytest.raises(WrongPassphrase):
        keyfile.unlock(workbook, PASS + "!")


def test_weakened_kdf_parameters_are_refused_not_used(tmp_path: Path) -> None:
    workbook = tmp_path / "w.sqlite"
    keyfile.store_key(workbook, keyfile.new_data_key(), PASS)
    for path in keyfile.key_files(workbook):
        content = json.loads(path.read_text())
        content["kdf"]["time_cost"] = 1
        path.write_text(json.dumps(content))
    with pytest.raises(WrongPassphrase):
        keyfile.unlock(workbook, PASS)


def test_a_damaged_key_file_falls_back_on_its_copy(tmp_path: Path) -> None:
    workbook = tmp_path / "w.sqlite"
    data_key = keyfile.new_data_key()
    keyfile.store_key(workbook, data_key, PASS)
    keyfile.key_path(workbook).write_text("{not json")
    assert keyfile.unlock(workbook, PASS) == data_key
    keyfile.key_copy_path(workbook).unlink()
    with pytest.raises(KeyFileError, match="damaged"):
        keyfile.unlock(workbook, PASS)


def test_changing_the_passphrase_rewraps_the_same_key(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    data_key = migrate.encrypt_workbook(path, PASS)
    before = path.read_bytes()
    keyfile.change_passphrase(path, PASS, "new one")
    assert keyfile.unlock(path, "new one") == data_key
    with pytest.raises(WrongPassphrase):
        keyfile.unlock(path, PASS)
    assert path.read_bytes() == before  # the database is not rewritten
    with pytest.raises(WrongPassphrase):
        keyfile.change_passphrase(path, "not it", "other")
    assert keyfile.unlock(path, "new one") == data_key


def test_an_encrypted_workbook_holds_no_plain_word(tmp_path: Path) -> None:
    path = _workbook(tmp_path, backups=2)
    data_key = migrate.encrypt_workbook(path, PASS)
    assert not any(_holds_marker(file) for file in _files(path.parent))
    assert all(migrate.is_encrypted(backup) for backup in rolling_backups(path))
    assert not any(p.name.endswith(migrate.TEMP_SUFFIX) for p in _files(path.parent))
    with pytest.raises(WorkbookLocked):
        open_workbook(path, create=False)
    keyring.remember(path, data_key)
    with open_workbook(path, create=False) as workbook:
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "more"), f"{MARKER} two")])
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # written, and encrypted too
        assert not any(_holds_marker(file) for file in _files(path.parent))
        workbook.rolling_backup(force=True)
        assert workbook.exercise_answers("bilan", "demande").values[("more", "")] == f"{MARKER} two"
    assert not any(_holds_marker(file) for file in _files(path.parent))
    assert [backup.contents.answers for backup in usable_backups(path)] == [1, 1, 2]
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_a_wrong_key_prints_nothing_and_opens_nothing(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = _workbook(tmp_path)
    migrate.encrypt_workbook(path, PASS)
    keyring.remember(path, keyfile.new_data_key())
    with pytest.raises(WorkbookLocked):
        open_workbook(path, create=False)
    assert capfd.readouterr().err == ""


def test_decrypting_brings_back_the_plain_workbook_and_removes_the_keys(tmp_path: Path) -> None:
    path = _workbook(tmp_path, backups=2)
    data_key = migrate.encrypt_workbook(path, PASS)
    migrate.decrypt_workbook(path, data_key)
    assert keyfile.existing_key_files(path) == []
    assert not migrate.is_encrypted(path)
    assert not any(migrate.is_encrypted(backup) for backup in rolling_backups(path))
    keyring.forget()
    with open_workbook(path, create=False) as workbook:
        assert workbook.exercise_answers("bilan", "demande").values[("why", "")] == f"{MARKER} one"
    assert [backup.contents.answers for backup in usable_backups(path)] == [1, 1]


def test_a_workbook_open_elsewhere_is_not_converted(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    before = path.read_bytes()
    code = (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(path)!r}); c.execute('SELECT * FROM workbook').fetchall()\n"
        "print('ready', flush=True); time.sleep(60)\n"
    )
    other = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "ready"
        with pytest.raises(WorkbookBusy):
            migrate.convert_file(path, None, keyfile.new_data_key())
    finally:
        other.kill()
        other.wait()
    assert not migrate.is_encrypted(path)
    assert path.read_bytes()[:16] == before[:16]
    assert not migrate.temp_path(path).exists()


def test_a_key_left_by_an_interrupted_run_is_reused(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    data_key = keyfile.new_data_key()
    keyfile.store_key(path, data_key, PASS)  # the run was killed right after writing it
    assert migrate.encrypt_workbook(path, PASS) == data_key
    keyring.remember(path, data_key)
    with open_workbook(path, create=False) as workbook:
        assert workbook.exercise_answers("bilan", "demande").values


def test_a_copy_left_by_a_killed_conversion_is_replaced(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    stale = migrate.temp_path(path)
    stale.write_bytes(path.read_bytes())  # a kill after the export, before the swap
    data_key = migrate.encrypt_workbook(path, PASS)
    assert not stale.exists()
    keyring.remember(path, data_key)
    with open_workbook(path, create=False) as workbook:
        assert workbook.exercise_answers("bilan", "demande").values


def test_the_encryption_core_is_headless() -> None:
    code = (
        "import sys\n"
        "import bilan_tui.crypto.migrate, bilan_tui.crypto.keyfile, bilan_tui.cli.encrypt\n"
        "import bilan_tui.cli.unlock, bilan_tui.store.inspection\n"
        "print('\\n'.join(sys.modules))\n"
    )
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout.split())  # fmt: skip
    assert not any(name == "textual" or name.startswith("textual.") for name in loaded)
    assert "sqlcipher3" not in loaded  # a plain workbook never pays for it
