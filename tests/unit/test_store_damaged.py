"""Files that are not healthy workbooks are refused, and never written to."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from bilan_tui.store import NotAWorkbook, WorkbookDamaged, WorkbookError
from bilan_tui.store.repository import open_workbook

FIXTURE = Path(__file__).parents[1] / "fixtures" / "db" / "v1.sqlite"
PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_fixture(path: Path) -> bytes:
    shutil.copyfile(FIXTURE, path)
    return path.read_bytes()


def truncated_mid_page(path: Path) -> None:
    data = copy_fixture(path)
    path.write_bytes(data[: len(data) // 2 + 100])


def truncated_at_page(path: Path) -> None:
    data = copy_fixture(path)
    path.write_bytes(data[: 3 * PAGE])


def zeroed_header(path: Path) -> None:
    data = copy_fixture(path)
    path.write_bytes(bytes(100) + data[100:])


def garbage_page(path: Path) -> None:
    data = bytearray(copy_fixture(path))
    data[2 * PAGE : 3 * PAGE] = random.Random(7).randbytes(PAGE)
    path.write_bytes(bytes(data))


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(1234).randbytes(8192))


def text_file(path: Path) -> None:
    path.write_text("# Mes notes\nPas une base de données.\n", encoding="utf-8")


def empty_file(path: Path) -> None:
    path.touch()


def short_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + bytes(20))


def other_program(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 305419896")  # 0x12345678
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.commit()
    connection.close()


def unstamped_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('à garder')")
    connection.commit()
    connection.close()


CASES: list[tuple[Callable[[Path], None], type[WorkbookError], str]] = [
    (truncated_mid_page, WorkbookDamaged, "truncated"),
    (truncated_at_page, WorkbookDamaged, "truncated"),
    (zeroed_header, WorkbookDamaged, "not an SQLite database"),
    (garbage_page, WorkbookDamaged, "cannot be read"),
    (random_bytes, WorkbookDamaged, "not an SQLite database"),
    (text_file, WorkbookDamaged, "not an SQLite database"),
    (empty_file, WorkbookDamaged, "empty"),
    (short_header, WorkbookDamaged, "not an SQLite database"),
    (other_program, NotAWorkbook, "another program"),
    (unstamped_database, NotAWorkbook, "made by something else"),
]


@pytest.mark.parametrize(("make", "error", "words"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_bad_file_is_refused_untouched(
    tmp_path: Path, make: Callable[[Path], None], error: type[WorkbookError], words: str
) -> None:
    path = tmp_path / "camille.sqlite"
    make(path)
    before = digest(path)
    with pytest.raises(error) as caught:
        open_workbook(path)
    message = str(caught.value)
    assert words in message
    assert str(path) in message
    assert "Traceback" not in message
    assert caught.value.path == path
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_a_folder_in_the_workbooks_place_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "camille.sqlite"
    path.mkdir()
    (path / "inside.txt").write_text("x", encoding="utf-8")
    with pytest.raises(NotAWorkbook, match="folder"):
        open_workbook(path)
    assert [p.name for p in path.iterdir()] == ["inside.txt"]


def test_a_blank_sqlite_file_becomes_a_workbook(tmp_path: Path) -> None:
    """An SQLite file with nothing in it is safe to adopt."""
    path = tmp_path / "blank.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("VACUUM")
    connection.close()
    assert path.stat().st_size > 0
    with open_workbook(path) as workbook:
        assert workbook.info().name == "blank"
