"""The real program in a pseudo-terminal: kill -9, hang-ups, signals, crashes, two windows.

Each test starts ``python -m bilan_tui`` in a pty, waits for the dashboard,
opens the suggested exercise with ``n`` (its first input has the focus),
types, and then ends the program the hard way. The workbook is then opened
again, as the next run would, to look for the text.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.repository import open_workbook

from .terminal import Terminal

READY = "Press n to open it"
WELCOME = "A few questions to begin"
IN_EXERCISE = "Mark as done"
ARGS = ("--lang", "en")


def workbook_file(data_dir: Path) -> Path:
    return data_dir / "workbooks" / "default.sqlite"


def saved_texts(data_dir: Path) -> list[object]:
    with open_workbook(workbook_file(data_dir), create=False) as workbook:
        return [answer.value for answer in workbook.all_answers()]


def type_in_first_exercise(term: Terminal, text: str) -> None:
    """Skip the welcome of a new workbook, open the suggested exercise, type ``text``."""
    term.wait_for(WELCOME)
    mark = len(term.output)
    term.send("\x1b")
    term.wait_for(READY, since=mark)
    mark = len(term.output)
    term.send("n")
    term.wait_for(IN_EXERCISE, since=mark)
    mark = len(term.output)
    term.send(text)
    term.wait_for(text, since=mark)


def test_kill_9_one_and_a_half_seconds_after_typing_keeps_the_text(data_dir: Path) -> None:
    with Terminal(ARGS) as term:
        type_in_first_exercise(term, "Typed before kill -9")
        term.pump(1.5)
        modes = {
            p.name: stat.S_IMODE(p.stat().st_mode) for p in workbook_file(data_dir).parent.iterdir()
        }
        term.signal(signal.SIGKILL)
        assert term.wait() == -signal.SIGKILL
    assert "Typed before kill -9" in saved_texts(data_dir)
    # The running program's files, lock included, were private (umask 022).
    assert {
        "default.sqlite",
        "default.sqlite-wal",
        "default.sqlite-shm",
        "default.sqlite.lock",
    } <= set(modes)
    assert set(modes.values()) <= {0o600, 0o700}
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_saves_at_once_then_exits_cleanly(data_dir: Path, number: int) -> None:
    with Terminal(ARGS) as term:
        type_in_first_exercise(term, "Typed before the signal")
        term.signal(number)  # well before the one-second autosave
        assert term.wait() == 128 + number
        assert "\x1b[?1049l" in term.output.decode("utf-8", "replace"), "terminal restored"
    assert "Typed before the signal" in saved_texts(data_dir)


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_backs_up_what_the_session_changed(data_dir: Path, number: int) -> None:
    """The session closes on the signal's path too, so the recovery copy holds today's work."""
    from bilan_tui.store.backup import newest_backup

    with Terminal(ARGS) as term:
        type_in_first_exercise(term, "Worth a copy")
        mark = len(term.output)
        term.wait_for("Saved", since=mark)
        term.signal(number)
        assert term.wait() == 128 + number
    newest = newest_backup(workbook_file(data_dir))
    assert newest is not None
    with open_workbook(newest, create=False) as copy:
        assert [answer.value for answer in copy.all_answers()] == ["Worth a copy"]


def test_closing_the_terminal_window_loses_nothing(data_dir: Path) -> None:
    with Terminal(ARGS) as term:
        type_in_first_exercise(term, "Typed before closing")
        term.hang_up()
        assert term.wait() == 128 + signal.SIGHUP
    assert "Typed before closing" in saved_texts(data_dir)


CRASHING = """
import sys

from bilan_tui.ui.screens.exercise import ExerciseScreen


def explode(self):
    secret = self.autosaver.answers
    raise RuntimeError("failure while holding " + repr(secret))


ExerciseScreen.action_mark_done = explode

from bilan_tui.cli import main

sys.exit(main(sys.argv[1:]))
"""


def test_a_crash_saves_restores_the_terminal_and_prints_no_answer(
    data_dir: Path, tmp_path: Path
) -> None:
    script = tmp_path / "crashing_bilan.py"
    script.write_text(CRASHING, encoding="utf-8")
    with Terminal(ARGS, script=script) as term:
        type_in_first_exercise(term, "Private words")
        term.send("\x13")  # ctrl+s: the patched action raises, with the answers in hand
        assert term.wait() == 1
        after = term.after_interface()
    assert "stopped after an unexpected error (RuntimeError)" in after
    assert "Your answers were saved." in after
    assert "Private words" not in after
    assert "Traceback" not in after
    assert "Private words" in saved_texts(data_dir)


def test_a_second_window_is_refused_while_commands_keep_working(
    data_dir: Path, tmp_path: Path
) -> None:
    with Terminal(ARGS) as first:
        first.wait_for(WELCOME)  # a new workbook, open: the welcome greets it
        with Terminal(ARGS) as second:
            assert second.wait() == 1
            assert "already open in another bilan window" in second.screen_text()
        command = [sys.executable, "-m", "bilan_tui", *ARGS]
        status = subprocess.run(
            [*command, "status"], capture_output=True, text=True, timeout=60, check=False
        )
        assert status.returncode == 0, status.stderr
        assert "Preliminary" in status.stdout
        out = tmp_path / "synthese.md"
        export = subprocess.run(
            [*command, "export", "--output", str(out)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert export.returncode == 0, export.stderr
        assert out.stat().st_size > 0
        first.send("\x11")  # ctrl+q
        assert first.wait() == 0


def make_damaged_workbook_with_backup(data_dir: Path) -> tuple[Path, bytes]:
    """A workbook holding one answer, its backup, then its header destroyed."""
    path = workbook_file(data_dir)
    with open_workbook(path) as workbook:
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "declencheur"), "Kept")])
        assert workbook.rolling_backup() is not None
    damaged = bytes(100) + path.read_bytes()[100:]
    path.write_bytes(damaged)
    return path, damaged


def test_a_damaged_workbook_is_set_aside_and_the_backup_restored_on_request(
    data_dir: Path,
) -> None:
    path, damaged = make_damaged_workbook_with_backup(data_dir)
    with Terminal(ARGS) as term:
        term.wait_for("Restore this backup now? [y/N]")
        assert "cannot be read" in term.screen_text()
        term.send("y\r")
        term.wait_for(READY)
        term.send("\x11")
        assert term.wait() == 0
    aside = list(path.parent.glob("default.damaged-*.sqlite"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged
    assert saved_texts(data_dir) == ["Kept"]


def test_a_damaged_workbook_is_left_alone_when_the_person_says_no(data_dir: Path) -> None:
    path, damaged = make_damaged_workbook_with_backup(data_dir)
    with Terminal(ARGS) as term:
        term.wait_for("Restore this backup now? [y/N]")
        term.send("\r")
        assert term.wait() == 1
        assert "bilan restore" in term.screen_text()
    assert path.read_bytes() == damaged
    assert not list(path.parent.glob("default.damaged-*"))


def test_a_workbook_from_a_newer_version_is_refused_without_a_restore_offer(
    data_dir: Path,
) -> None:
    """#21.6: restoring would set the newer workbook aside and go back in time."""
    path, _ = make_damaged_workbook_with_backup(data_dir)
    backup = next((path.parent / "backups").iterdir())
    shutil.copyfile(backup, path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with Terminal(ARGS) as term:
        assert term.wait() == 1
        after = " ".join(term.after_interface().split())
    assert "saved by a newer version of bilan" in after
    assert after.count("saved by a newer version of bilan") == 1
    assert "Restore" not in after and "restore" not in after
    assert "Traceback" not in after
    assert path.read_bytes() == before
    assert not list(path.parent.glob("default.damaged-*"))


def test_damage_deep_in_the_file_is_found_once_and_the_backup_opened_on_request(
    data_dir: Path,
) -> None:
    """The header looks right, so the interface starts; the real open finds the damage."""
    from .damage import flipped_bytes

    path, _ = make_damaged_workbook_with_backup(data_dir)
    backup = next((path.parent / "backups").iterdir())
    shutil.copyfile(backup, path)
    with open_workbook(path) as workbook:  # a few pages, so that page 2 is a b-tree page
        workbook.save_answers(
            [Answer(AnswerKey("bilan", "parcours", f"f{n}"), "x" * 3000) for n in range(20)]
        )
    flipped_bytes(path)
    damaged = path.read_bytes()
    with Terminal(ARGS) as term:
        term.wait_for("Restore this backup now? [y/N]")
        assert "its integrity check failed" in term.after_interface()
        term.send("y\r")
        term.wait_for(READY)  # the restored workbook opens without running bilan again
        term.send("\x11")
        assert term.wait() == 0
    aside = list(path.parent.glob("default.damaged-*.sqlite"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged
    assert saved_texts(data_dir) == ["Kept"]
