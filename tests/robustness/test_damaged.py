"""Damaged workbooks: a clear message, the newest backup offered, the file never written to.

Seven ways to ruin a workbook (see ``damage.py``), each tried with
``bilan status``, with ``bilan`` (before the interface starts, for the damage
the file's header shows; the others are found by the real open and offered
after the interface, see ``test_terminal.py``), with the restore offer
accepted, and with ``bilan restore``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.cli.recovery import check_before_opening, offer_restore
from bilan_tui.store.repository import open_workbook

from .damage import DAMAGES, KEY, fingerprint, make_workbook_with_backup

NAMES = list(DAMAGES)

WHOLE = ("another program's database", "a folder", "newer version")
"""Not damage: a whole file that is not ours to replace (#21.6). One line, no restore offer."""

DAMAGED = [name for name in NAMES if name not in WHOLE]


def backup_clock(backup: Path) -> str:
    """The time a backup was taken, the French way (``17 h 05``), from its name."""
    from bilan_tui.store.backup import taken_at

    taken = taken_at(backup)
    return f"{taken.hour} h {taken.minute:02d}"


DEEP = ("flipped bytes", "newer version")
"""Damage the header does not show: found by the real open, in the interface's worker."""


def ruined(data_dir: Path, name: str) -> tuple[Path, Path, str]:
    """The default workbook, backed up, then ruined; returns (path, backup, fingerprint)."""
    path = data_dir / "workbooks" / "default.sqlite"
    backup = make_workbook_with_backup(path)
    DAMAGES[name][0](path)
    return path, backup, fingerprint(path)


def assert_offer(stderr: str, backup: Path, words: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 2, stderr
    assert words in lines[0]
    assert "Traceback" not in stderr
    assert lines[1].startswith(f"The newest backup is {backup} (")
    assert lines[1].endswith(f"Restore it with: bilan restore {backup}")


@pytest.mark.parametrize("name", DAMAGED)
def test_status_explains_and_offers_the_backup(
    data_dir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup, before = ruined(data_dir, name)
    assert main(["--lang", "en", "status"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_offer(captured.err.removeprefix("bilan: "), backup, DAMAGES[name][1])
    assert fingerprint(path) == before


@pytest.mark.parametrize("name", [n for n in DAMAGED if n not in DEEP])
def test_the_interface_explains_before_starting_when_it_cannot_ask(
    data_dir: Path,
    name: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """(Deeper damage is refused by the real open, once Textual runs: see test_terminal.)"""
    path, backup, before = ruined(data_dir, name)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--lang", "en"]) == 1
    assert_offer(capsys.readouterr().err.removeprefix("bilan: "), backup, DAMAGES[name][1])
    assert fingerprint(path) == before


@pytest.mark.parametrize("name", DAMAGED)
def test_accepting_the_offer_sets_the_file_aside_untouched_and_restores(
    data_dir: Path, name: str
) -> None:
    path, _backup, before = ruined(data_dir, name)
    problem = check_before_opening(path)
    if name in DEEP:
        assert problem is None  # the header looks right: the real open finds it
        from bilan_tui.store import WorkbookError

        with pytest.raises(WorkbookError) as caught:
            open_workbook(path, create=False)
        problem = caught.value
        assert fingerprint(path) == before
    assert problem is not None
    questions: list[str] = []

    def yes(question: str) -> str:
        questions.append(question)
        return "y"

    out = io.StringIO()
    assert offer_restore(path, problem, yes, out)
    assert questions == ["Restore this backup now? [y/N] "]
    aside = list(path.parent.glob("default.damaged-*.sqlite"))
    assert len(aside) == 1, out.getvalue()
    assert fingerprint(aside[0]) == before
    assert f"kept, untouched, as {aside[0]}" in out.getvalue()
    with open_workbook(path, create=False) as workbook:
        assert workbook.exercise_answers("bilan", "demande").get(KEY.field_id) == "Mes mots"


@pytest.mark.parametrize("name", DAMAGED)
def test_bilan_restore_replaces_a_damaged_workbook(
    data_dir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup, before = ruined(data_dir, name)
    assert main(["--lang", "en", "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    aside = list(path.parent.glob("default.damaged-*.sqlite"))
    assert len(aside) == 1
    assert fingerprint(aside[0]) == before
    assert str(aside[0]) in out
    assert main(["--lang", "en", "status"]) == 0


@pytest.mark.parametrize("name", WHOLE)
def test_a_whole_workbook_gets_one_line_and_no_offer(
    data_dir: Path, name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """#21.6: a newer or foreign workbook is never offered a restore (it would go back in time)."""
    path, _backup, before = ruined(data_dir, name)
    words = DAMAGES[name][1]
    assert main(["--lang", "en", "status"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert words in err
    assert "restore" not in err.lower()
    if name not in DEEP:  # (a newer version is found by the interface's own open)
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        assert main(["--lang", "en"]) == 1
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert "restore" not in err.lower()
    problem = check_before_opening(path)
    if problem is None:
        from bilan_tui.store import WorkbookError

        with pytest.raises(WorkbookError) as caught:
            open_workbook(path, create=False)
        problem = caught.value
    asked: list[str] = []
    out = io.StringIO()
    assert not offer_restore(path, problem, lambda q: asked.append(q) or "y", out)
    assert asked == []
    assert len(out.getvalue().strip().splitlines()) == 1
    assert fingerprint(path) == before
    assert not list(path.parent.glob("default.damaged-*"))


@pytest.mark.parametrize("name", WHOLE)
def test_bilan_restore_does_not_replace_a_whole_workbook(
    data_dir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """#21.6: even asked explicitly, a newer or foreign workbook is not set aside."""
    path, backup, before = ruined(data_dir, name)
    assert main(["--lang", "en", "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "nothing was changed" in err
    assert f"move {path} elsewhere first" in err
    assert fingerprint(path) == before
    assert not list(path.parent.glob("default.damaged-*"))


def test_declining_the_offer_changes_nothing(data_dir: Path) -> None:
    path, _backup, before = ruined(data_dir, "zeroed header")
    problem = check_before_opening(path)
    assert problem is not None
    out = io.StringIO()
    assert not offer_restore(path, problem, lambda _question: "", out)
    assert "Nothing was changed" in out.getvalue()
    assert fingerprint(path) == before
    assert not list(path.parent.glob("default.damaged-*"))


def test_no_backup_is_said_plainly(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    assert main(["--lang", "en", "status"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"bilan: The workbook {path} cannot be read: the file is empty. It has not been modified.",
        "No backup of this workbook was found. To start a new workbook, "
        "move the file elsewhere (it will not be changed).",
    ], "one piece of advice, not 'restore the newest backup' then 'there is none'"


def test_an_sqlite_error_in_the_interface_is_traced_to_the_damage_behind_it(
    data_dir: Path,
) -> None:
    """The interface opens without reading every page: damage may first show as any error."""
    import sqlite3

    from bilan_tui.cli.tui import damage_behind
    from bilan_tui.store import WorkbookDamaged, WorkbookTooNew

    path, _backup, before = ruined(data_dir, "flipped bytes")
    malformed = sqlite3.DatabaseError("database disk image is malformed")
    try:
        raise RuntimeError("while drawing the dashboard") from malformed
    except RuntimeError as wrapped:
        found = damage_behind(path, wrapped)
    assert isinstance(found, WorkbookDamaged)
    assert "integrity check failed" in str(found)
    assert damage_behind(path, KeyError("not from SQLite")) is None
    too_new = WorkbookTooNew(path, 9, 1)
    assert damage_behind(path, too_new) is too_new
    assert fingerprint(path) == before

    healthy = data_dir / "workbooks" / "healthy.sqlite"
    make_workbook_with_backup(healthy)
    assert damage_behind(healthy, malformed) is None  # a healthy file: the error stands as it is


def test_the_explanation_is_in_the_persons_language(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup, before = ruined(data_dir, "empty file")
    assert main(["--lang", "fr", "status"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        f"bilan: Le cahier {path} est illisible : le fichier est vide. Il n'a pas été modifié.",
        f"La sauvegarde la plus récente est {backup} (aujourd'hui à "
        f"{backup_clock(backup)} : 21 réponses dans 2 exercices). "
        f"Pour la restaurer : bilan restore {backup}",
    ]
    assert fingerprint(path) == before
