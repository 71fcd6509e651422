"""Encryption at rest, tried as a new user would (#16, done when).

She creates an encrypted workbook, types a unique word in an answer and
quits; no file under the data dir (workbook, WAL, backups, key files) holds
that word in any encoding. She reopens it with her passphrase and finds the
answer; a wrong passphrase is refused and changes nothing; she changes the
passphrase; she wipes the workbook: the key files go first, and a copy of
the bytes kept from before does not open with the old passphrase.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from bilan_tui.cli import main
from bilan_tui.crypto import keyfile, keyring, migrate
from bilan_tui.crypto.errors import KeyFileError
from bilan_tui.store.backup import rolling_backups
from tests.ui.helpers import make_app, mini_pack, read_session
from tests.ui.test_unlock import _shown, _type, _until

MARKER = "Xylophagouste"
PASS = "my long secret sentence"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "latin-1")


@pytest.fixture(autouse=True)
def _fresh_keyring() -> Iterator[None]:
    keyring.forget()
    yield
    keyring.forget()


def _found_in(folder: Path) -> list[str]:
    """Every file under ``folder`` holding the marker, with the encoding it was found in."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path} ({c})" for c in ENCODINGS if MARKER.encode(c) in data]
            found += [f"{path} (casefold)" for _ in [0] if MARKER.lower().encode() in data.lower()]
    return found


def bilan(*args: str) -> int:
    keyring.forget()  # each command is a new process
    return main(["--lang", "en", *args])


async def test_an_encrypted_workbook_as_a_new_user_tries_it(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass"
    secret.write_text(PASS + "\n")
    wrong = tmp_path / "wrong"
    wrong.write_text("this is not it\n")
    assert bilan("encrypt", "--passphrase-file", str(secret)) == 0  # a new workbook, encrypted
    workbook = data_dir / "workbooks" / "default.sqlite"
    assert migrate.is_encrypted(workbook)

    # She opens it in the app, unlocks it, types the word in an answer, quits.
    pack = mini_pack()
    keyring.forget()
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: _shown(app))
        await _type(pilot, PASS)
        await _until(pilot, lambda: app.session is not None)
        app.open_exercise("about")
        await pilot.pause()
        field = app.screen.query_one("#field-name Input", Input)
        field.focus()
        await pilot.press(*MARKER)
        await pilot.pause(1.5)  # the autosave
        assert _found_in(data_dir) == []  # while open: the WAL holds it, encrypted
        await pilot.press("ctrl+q")
    app.save_everything()
    assert app.session is not None
    app.session.close()  # what the command line does after the app: a backup on closing
    assert rolling_backups(workbook), "closing took no backup"
    assert _found_in(data_dir) == []

    # She reopens it with her passphrase: the answer is there.
    keyring.forget()
    keyring.remember(workbook, keyfile.unlock(workbook, PASS))
    session = read_session(workbook, pack)
    try:
        assert session.exercise_answers(pack.exercise("about")).get("name") == MARKER  # type: ignore[arg-type]
    finally:
        session.close()

    # A wrong passphrase is refused, one line, nothing changed.
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert bilan("status", "--passphrase-file", str(wrong)) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before

    # She changes the passphrase.
    new = tmp_path / "new"
    new.write_text("a second long sentence\n")
    args = ("passphrase", "--passphrase-file", str(secret), "--new-passphrase-file", str(new))
    assert bilan(*args) == 0
    assert bilan("status", "--passphrase-file", str(secret)) == 2
    assert bilan("status", "--passphrase-file", str(new)) == 0

    # She wipes it: the key files go first; bytes kept from before stay unreadable.
    kept = tmp_path / "kept"
    # What an SSD or a snapshot may keep of the database files (the key files are
    # overwritten first; their own old blocks would still need the passphrase).
    shutil.copytree(workbook.parent, kept, ignore=shutil.ignore_patterns("*.key"))
    capsys.readouterr()
    assert bilan("wipe", "--yes") == 0
    out = capsys.readouterr().out
    removed = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert removed[:2] == [str(p) for p in keyfile.key_files(workbook)]
    assert keyfile.existing_key_files(workbook) == []
    assert not workbook.exists()
    leftover = kept / workbook.name
    with pytest.raises(KeyFileError):
        keyfile.unlock(leftover, "a second long sentence")  # its key file is gone
    assert _found_in(kept / "backups") == [] and _found_in(kept) == []
