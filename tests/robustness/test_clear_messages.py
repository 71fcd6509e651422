"""Bad input and altered files get one clear message, never "unexpected error" (#21.7).

Each case below once ended in a bare exception name, advice that did not
fit, a number the person never typed, a file name with a newline in it, or
a failure reported after the entry was saved (so the retry saved it twice).
"""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.ledger import summarise
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.store.repository import open_workbook

ADD = ["--lang", "en", "hours", "add", "--date", "2026-11-20", "--phase", "preliminaire"]
ADD += ["--kind", "personnel"]


def workbook(data_dir: Path) -> Path:
    path = data_dir / "workbooks" / "default.sqlite"
    with open_workbook(path) as book:
        book.save_answers(
            [
                Answer(AnswerKey("bilan", "demande", "declencheur"), "Mes mots"),
                Answer(AnswerKey("bilan", "modalites", "heures_preliminaire"), 4),
            ]
        )
    return path


def tamper(path: Path, sql: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


def ledger_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM ledger_entry").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.parametrize("command", [["status"], ["hours"], ["export", "--output", "{tmp}"]])
def test_an_answer_with_broken_json_is_told_as_an_altered_workbook(
    data_dir: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(data_dir)
    tamper(path, "UPDATE answer SET value = '{\"broken' WHERE exercise_id = 'modalites'")
    argv = [arg.format(tmp=tmp_path) for arg in command]
    assert main(["--lang", "en", *argv]) == 1
    err = capsys.readouterr().err
    assert "unexpected error" not in err
    assert "JSONDecodeError" not in err
    assert f"The workbook {path} cannot be read" in err
    assert "one of its stored values was altered and cannot be read" in err


def test_a_missing_table_is_not_told_as_a_full_disk(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(data_dir)
    tamper(path, "DROP TABLE ledger_entry")
    assert main(["--lang", "en", "hours"]) == 1
    err = capsys.readouterr().err
    assert "disk is not full" not in err
    assert "part of its structure is missing (no such table: ledger_entry)" in err
    assert "Restore it with: bilan restore" in err or "No backup of this workbook" in err


def test_a_note_that_is_not_utf8_is_refused_plainly(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(data_dir)
    note = b"caf\xe9 \xff".decode("utf-8", "surrogateescape")  # what Python makes of such argv
    assert main([*ADD, "--duration", "1h", "--note", note]) == 2
    err = capsys.readouterr().err
    assert "--note holds characters that are not valid text (UTF-8)" in err
    assert "unexpected error" not in err
    assert ledger_count(path) == 0


def test_an_export_file_name_that_is_not_utf8_is_refused_plainly(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its path is stored with the consent: SQLite cannot store undecodable bytes."""
    workbook(data_dir)
    name = str(tmp_path / b"caf\xe9.md".decode("utf-8", "surrogateescape"))
    argv = ["--lang", "en", "export", "--for", "consultant", "--agree-to-share"]
    assert main([*argv, "--despite-modalites", "--output", name]) == 2
    err = capsys.readouterr().err
    assert "--output holds characters that are not valid text (UTF-8)" in err
    assert "unexpected error" not in err
    assert list(tmp_path.iterdir()) == [data_dir]


def test_a_huge_duration_is_quoted_as_typed(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*ADD, "--duration", "99999999999999999999h"]) == 2
    err = capsys.readouterr().err
    assert "100000000000000000000" not in err
    assert "9999999999999999999" in err
    assert "more than 24 hours" in err


@pytest.mark.parametrize("name", ["ok\n", "ok\r", "a\tb", "x\x1b[31m", "ok\x00"])
def test_a_workbook_name_with_control_characters_is_refused(
    data_dir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--workbook", name, *ADD[2:], "--duration", "1h"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bilan: invalid workbook name: ")
    assert len(err.strip().splitlines()) == 1, "the name is quoted with its escapes, on one line"
    assert "\x1b" not in err
    folder = data_dir / "workbooks"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_implausible_dates_are_refused_and_a_stored_one_keeps_the_chart_short(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*ADD[:4], "--date", "0001-01-01", *ADD[6:], "--duration", "1h"]) == 2
    assert "not plausible" in capsys.readouterr().err
    # A date already stored far back (an older version, an altered file) must not
    # make the chart draw every week in between.
    day = datetime.date(2026, 11, 20)
    entries = [
        LedgerEntry(
            date=datetime.date(1900, 1, 1), minutes=60, phase="preliminaire", kind="personnel"
        ),
        LedgerEntry(date=day, minutes=60, phase="preliminaire", kind="personnel"),
    ]
    summary = summarise(entries, {})
    assert [week.week_start.year for week in summary.by_week] == [1900, 2026]
    near = [
        *entries[1:],
        LedgerEntry(
            date=day - datetime.timedelta(weeks=3),
            minutes=5,
            phase="preliminaire",
            kind="personnel",
        ),
    ]
    assert len(summarise(near, {}).by_week) == 4, "gaps are still shown in a plausible span"


def test_hours_add_never_reports_a_failure_after_saving(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The totals fail to read (an altered plan): the entry is saved, and she is told so."""
    path = workbook(data_dir)
    tamper(path, "UPDATE answer SET value = 'not json' WHERE exercise_id = 'modalites'")
    assert main([*ADD, "--duration", "1h", "--note", "once"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Logged 1h of personal work on 20 November 2026")
    assert "The entry is saved, but the totals cannot be shown" in captured.err
    assert "unexpected error" not in captured.err
    assert ledger_count(path) == 1
