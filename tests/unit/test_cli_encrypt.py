"""``bilan encrypt``, ``decrypt``, ``passphrase`` and the passphrase every command asks for.

A wrong passphrase is one line on stderr, exit status 2, and nothing changed
on disk. Passphrases are asked without echo, twice when one is chosen, and
never printed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.cli import main, unlock
from bilan_tui.crypto import keyfile, keyring, migrate
from bilan_tui.crypto.errors import KeyFileError
from bilan_tui.store.backup import rolling_backups

PASS = "my secret phrase"
MARKER = "Zanzibarite"


@pytest.fixture(autouse=True)
def _fresh_keyring() -> Iterator[None]:
    keyring.forget()
    yield
    keyring.forget()


def workbook(data_dir: Path) -> Path:
    return data_dir / "workbooks" / "default.sqlite"


def secret(tmp_path: Path, text: str = PASS, name: str = "pass") -> Path:
    path = tmp_path / name
    path.write_text(text + "\n")
    return path


def bilan(*args: str) -> int:
    keyring.forget()  # every command is a new process
    return main(["--lang", "en", *args])


def log_hours(pass_file: Path | None = None) -> int:
    extra = ["--passphrase-file", str(pass_file)] if pass_file else []
    return bilan(
        "hours", "add", "--date", "2026-11-02", "--duration", "1h30", "--phase",
        "preliminaire", "--kind", "accompagnement", "--note", MARKER, *extra,
    )  # fmt: skip


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def encrypted(data_dir: Path, tmp_path: Path) -> Path:
    assert log_hours() == 0
    assert bilan("encrypt", "--passphrase-file", str(secret(tmp_path))) == 0
    return workbook(data_dir)


def test_encrypt_says_what_it_does_and_every_command_then_needs_the_passphrase(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert log_hours() == 0
    capsys.readouterr()
    assert bilan("encrypt", "--passphrase-file", str(secret(tmp_path))) == 0
    out = capsys.readouterr().out
    assert "nobody can open the workbook again" in out and PASS not in out
    path = workbook(data_dir)
    assert migrate.is_encrypted(path) and keyfile.key_path(path).exists()
    assert bilan("status") == 2  # no terminal to ask, no file: one line
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--passphrase-file" in err
    assert bilan("hours", "--passphrase-file", str(secret(tmp_path))) == 0
    assert MARKER in capsys.readouterr().out
    assert log_hours(secret(tmp_path)) == 0
    assert bilan("backup", "--passphrase-file", str(secret(tmp_path))) == 0
    assert bilan("status", "--json", "--passphrase-file", str(secret(tmp_path))) == 0
    for file in (p for p in data_dir.rglob("*") if p.is_file()):
        assert MARKER.encode() not in file.read_bytes()


@pytest.mark.parametrize(
    "command",
    [["status"], ["hours"], ["backup"], ["homework", "list"], ["decrypt"], ["passphrase"]],
)
def test_a_wrong_passphrase_is_one_line_exit_2_and_nothing_changes(
    encrypted: Path,
    data_dir: Path,
    tmp_path: Path,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(data_dir)
    capsys.readouterr()
    wrong = secret(tmp_path, "not the phrase", "wrong")
    extra = ["--new-passphrase-file", str(wrong)] if command == ["passphrase"] else []
    assert bilan(*command, "--passphrase-file", str(wrong), *extra) == 2
    err = capsys.readouterr().err
    assert err == "bilan: Wrong passphrase for the workbook default: nothing was changed.\n"
    assert snapshot(data_dir) == before


def test_passphrases_are_asked_hidden_twice_and_must_match(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert log_hours() == 0
    typed = iter(["first phrase", "other phrase"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(unlock, "ask_hidden", ask)
    monkeypatch.setattr(unlock, "can_ask", lambda: True)
    assert bilan("encrypt") == 2
    assert prompts == ["New passphrase: ", "The same passphrase again: "]
    assert "differ" in capsys.readouterr().err
    assert not migrate.is_encrypted(workbook(data_dir))
    typed = iter(["short", "short"])
    assert bilan("encrypt") == 2
    assert "at least 8 characters" in capsys.readouterr().err
    typed = iter([PASS, PASS, PASS])
    assert bilan("encrypt") == 0
    assert bilan("status") == 0
    assert prompts[-1] == "Passphrase of the workbook default: "
    assert PASS not in capsys.readouterr().out


def test_change_the_passphrase_then_decrypt(
    encrypted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = secret(tmp_path), secret(tmp_path, "a brand new phrase", "new")
    data_key = keyfile.unlock(encrypted, PASS)
    assert (
        bilan("passphrase", "--passphrase-file", str(old), "--new-passphrase-file", str(new)) == 0
    )
    assert "changed" in capsys.readouterr().out
    assert keyfile.unlock(encrypted, "a brand new phrase") == data_key
    assert bilan("status", "--passphrase-file", str(old)) == 2
    assert bilan("decrypt", "--passphrase-file", str(new)) == 0
    assert not migrate.is_encrypted(encrypted)
    assert keyfile.existing_key_files(encrypted) == []
    assert bilan("hours") == 0
    assert MARKER in capsys.readouterr().out


def test_encrypt_creates_a_new_workbook_encrypted(data_dir: Path, tmp_path: Path) -> None:
    assert bilan("encrypt", "--passphrase-file", str(secret(tmp_path))) == 0
    assert migrate.is_encrypted(workbook(data_dir))
    assert bilan("encrypt", "--passphrase-file", str(secret(tmp_path))) == 0  # already: says so


def test_wipe_of_an_encrypted_workbook_destroys_the_key_first(
    encrypted: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bilan("backup", "--passphrase-file", str(secret(tmp_path))) == 0
    leftover = tmp_path / "leftover.sqlite"
    leftover.write_bytes(encrypted.read_bytes())  # what an SSD may keep
    capsys.readouterr()
    assert bilan("wipe", "--yes") == 0
    out = capsys.readouterr().out
    assert "key file was destroyed first" in out
    removed = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert removed[:2] == [str(p) for p in keyfile.key_files(encrypted)]
    assert not any(p.is_file() for p in data_dir.rglob("*"))
    assert bilan("status", "--passphrase-file", str(secret(tmp_path))) == 0  # nothing left
    with pytest.raises(KeyFileError, match="missing"):  # the old passphrase opens nothing now
        keyfile.unlock(encrypted, PASS)
    with pytest.raises(sqlite3.DatabaseError):  # and the leftover bytes are no database
        sqlite3.connect(leftover).execute("SELECT * FROM sqlite_master").fetchall()
    assert MARKER.encode() not in leftover.read_bytes()


def test_wipe_text_says_which_kind_of_workbook_it_was(encrypted: Path) -> None:
    from bilan_tui.cli.wipe import describe_targets
    from bilan_tui.store.wipe import wipe_targets

    text = " ".join(describe_targets(encrypted, wipe_targets(encrypted)))
    assert "This workbook is encrypted: its key file is destroyed first" in text
    keyfile.key_path(encrypted).unlink()
    keyfile.key_copy_path(encrypted).unlink()
    plain = " ".join(describe_targets(encrypted, wipe_targets(encrypted)))
    assert "since the workbook is not encrypted" in plain


def test_backups_of_an_encrypted_workbook_are_listed_and_restored_encrypted(
    encrypted: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pass_file = str(secret(tmp_path))
    assert log_hours(secret(tmp_path)) == 0  # closing backs up: two lines of hours
    capsys.readouterr()
    assert bilan("restore", "--passphrase-file", pass_file) == 0
    listing = capsys.readouterr().out
    assert "2 lines of hours" in listing and "1 line of hours" in listing
    oldest = rolling_backups(encrypted)[0]
    assert bilan("restore", str(oldest), "--passphrase-file", pass_file) == 0
    assert migrate.is_encrypted(encrypted)
    capsys.readouterr()
    assert bilan("hours", "--json", "--passphrase-file", pass_file) == 0
    assert '"accompagnement_hours": 1.5' in capsys.readouterr().out
    assert not any(MARKER.encode() in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def test_encrypt_refuses_a_file_it_cannot_read_without_touching_it(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(data_dir)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x8f" * 8192)  # an encrypted file whose key files were lost, or damage
    before = snapshot(data_dir)
    assert bilan("encrypt", "--passphrase-file", str(secret(tmp_path))) == 2
    assert "has no key file" in capsys.readouterr().err
    assert snapshot(data_dir) == before
