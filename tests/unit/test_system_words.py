"""System errors are told in the person's language, chosen by error number."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from bilan_tui.i18n import set_language
from bilan_tui.services.homework.fileformat import HomeworkError
from bilan_tui.services.homework.importer import read_homework_bytes
from bilan_tui.services.session import WorkbookSession
from bilan_tui.system_words import os_failure, os_reason

NAMED = [
    errno.ENOENT,
    errno.EACCES,
    errno.EPERM,
    errno.ENOSPC,
    errno.EROFS,
    errno.EISDIR,
    errno.ENOTDIR,
    errno.EEXIST,
    errno.EBUSY,
    errno.EIO,
    errno.ENAMETOOLONG,
    errno.ELOOP,
    errno.EMFILE,
]


def _error(number: int, filename: str | None = None) -> OSError:
    return OSError(number, os.strerror(number), filename)


@pytest.mark.parametrize("number", NAMED)
def test_each_named_error_has_its_own_french_words(number: int) -> None:
    set_language("fr")
    phrase = os_reason(_error(number))
    assert phrase != os_reason(_error(errno.EXDEV))  # not the generic phrase
    assert os.strerror(number).lower() not in phrase.lower()
    set_language("en")
    assert os_reason(_error(number)) != phrase


def test_french_phrases() -> None:
    set_language("fr")
    assert os_reason(_error(errno.ENOENT)) == "le fichier ou le dossier n'existe pas"
    assert os_reason(_error(errno.EACCES)) == "permission refusée"
    assert os_reason(_error(errno.ENOSPC)) == "le disque est plein"
    assert os_reason(_error(errno.EXDEV)) == "le système a refusé l'opération"
    assert os_failure(_error(errno.EROFS, "/media/cle")) == (
        "le disque est en lecture seule (/media/cle)"
    )


def test_unknown_number_and_no_number_get_the_generic_phrase() -> None:
    set_language("en")
    assert os_reason(OSError("weird")) == "the operation was refused by the system"
    assert os_reason(_error(errno.EXDEV)) == "the operation was refused by the system"


def test_session_describe_error_is_french_in_french() -> None:
    set_language("fr")
    error = FileNotFoundError(errno.ENOENT, "No such file or directory", "/tmp/absent.sqlite")
    line = WorkbookSession.describe_error(error)
    assert line == (
        "le système a refusé : le fichier ou le dossier n'existe pas (/tmp/absent.sqlite)"
    )
    assert "No such file" not in line


def test_homework_read_failure_is_french_in_french(tmp_path: Path) -> None:
    set_language("fr")
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(HomeworkError) as raised:
        read_homework_bytes(blocker / "devoir.toml")
    message = str(raised.value)
    assert "une partie du chemin est un fichier, pas un dossier" in message
    assert "Not a directory" not in message


def test_cli_export_to_a_missing_folder_says_it_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bilan_tui.cli import main

    assert main(["--lang", "fr", "status"]) == 0
    capsys.readouterr()
    target = tmp_path / "fichier"
    target.write_text("x")
    code = main(["--lang", "fr", "export", "--output", str(target / "sous" / "x.md")])
    err = capsys.readouterr().err
    assert code != 0
    assert "Not a directory" not in err and "No such file" not in err


def test_sqlite_messages_are_told_in_french() -> None:
    from bilan_tui.store.errors import WorkbookIOError, sqlite_failure
    from bilan_tui.system_words import sqlite_reason

    set_language("fr")
    assert sqlite_reason("database or disk is full") == "le disque est plein"
    assert sqlite_reason("attempt to write a readonly database") == (
        "le fichier ou son dossier est en lecture seule"
    )
    assert sqlite_reason("database disk image is malformed") == "le fichier est endommagé"
    assert sqlite_reason("something new") == "SQLite signale : something new"
    failure = sqlite_failure(Path("/tmp/w.sqlite"), "database or disk is full")
    assert isinstance(failure, WorkbookIOError)
    assert "le disque est plein" in str(failure) and "disk is full" not in str(failure)


def test_a_failed_restore_says_why_in_french(tmp_path: Path) -> None:
    import io

    from bilan_tui.cli.recovery import restore_and_report

    set_language("fr")
    out = io.StringIO()
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    assert not restore_and_report(blocker / "w.sqlite", tmp_path / "absent.sqlite", out)
    assert "No such file" not in out.getvalue() and "Not a directory" not in out.getvalue()
