"""Ways a workbook file can be ruined, each applied to a real workbook that has a backup."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.repository import open_workbook

KEY = AnswerKey("bilan", "demande", "declencheur")
PAGE = 4096


def make_workbook_with_backup(path: Path, text: str = "Mes mots") -> Path:
    """A healthy workbook holding ``text``, a few pages long, and today's backup of it."""
    with open_workbook(path) as workbook:
        workbook.save_answers([Answer(KEY, text)])
        workbook.save_answers(
            [Answer(AnswerKey("bilan", "parcours", f"f{n}"), "x" * 3000) for n in range(20)]
        )
        backup = workbook.rolling_backup(force=True)
    assert backup is not None
    return backup


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])


def zeroed_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(bytes(100) + data[100:])


def flipped_bytes(path: Path) -> None:
    """Invert the b-tree header of page 2 and a few bytes further on."""
    data = bytearray(path.read_bytes())
    for offset in (*range(PAGE, PAGE + 16), 2 * PAGE + 5, 2 * PAGE + 6):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def other_program(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1936942450")
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('not ours')")
    connection.commit()
    connection.close()


def empty(path: Path) -> None:
    path.write_bytes(b"")


def folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "photo.jpg").write_bytes(b"\xff\xd8 not a workbook")


def newer_version(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()


DAMAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (truncated, "truncated"),
    "zeroed header": (zeroed_header, "not an SQLite database"),
    "flipped bytes": (flipped_bytes, "cannot be read"),
    "another program's database": (other_program, "another program"),
    "empty file": (empty, "empty"),
    "a folder": (folder, "folder"),
    "newer version": (newer_version, "newer version of bilan"),
}
"""Name → (how to ruin the file, words the message must contain)."""


def fingerprint(path: Path) -> str:
    """A file's SHA-256, or a folder's listing and contents: to prove nothing was written."""
    digest = hashlib.sha256()
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            digest.update(str(child.relative_to(path)).encode())
            if child.is_file():
                digest.update(child.read_bytes())
    else:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def move(path: Path, target: Path) -> None:
    shutil.move(path, target)
