"""The recovery copy holds today's work: a backup when a session that changed something closes.

Issue #20.4: after 25 minutes of work and three launches, the only automatic
backup was the one made at creation, and restoring it brought back an empty
workbook without a word. Now every session that wrote something (the
interface, ``bilan hours add``, ``bilan homework import``...) backs up as it
closes, a workbook holding nothing is never backed up automatically, and the
restore offer says what each backup holds.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.cli.context import CommandContext
from bilan_tui.cli.recovery import check_before_opening, offer_restore
from bilan_tui.cli.tui import check_then_back_up, open_for_interface
from bilan_tui.domain.answers import Answer
from bilan_tui.store import backup as backups
from bilan_tui.store.repository import open_workbook

from .damage import KEY, zeroed_header


def workbook_path(data_dir: Path) -> Path:
    return data_dir / "workbooks" / "default.sqlite"


def context_for(data_dir: Path) -> CommandContext:
    context = CommandContext(
        data_dir=data_dir, workbook="default", requested_language="en", debug=False
    )
    context.settle_language()
    return context


def text_in(path: Path) -> object:
    with open_workbook(path, create=False) as workbook:
        return workbook.exercise_answers("bilan", "demande").get(KEY.field_id)


def one_launch(data_dir: Path, text: str | None) -> None:
    """The interface's session: opened, checked, maybe written to, closed."""
    session = open_for_interface(context_for(data_dir), [])
    try:
        check_then_back_up([], session)
        if text is not None:
            session.save_answers([Answer(KEY, text)])
    finally:
        session.close()


def test_three_launches_of_work_leave_a_backup_of_the_last_one(data_dir: Path) -> None:
    path = workbook_path(data_dir)
    one_launch(data_dir, None)  # the first launch: a new, empty workbook
    assert backups.rolling_backups(path) == [], "an empty workbook is not worth a copy"
    one_launch(data_dir, "after ten minutes")
    one_launch(data_dir, None)  # looked, changed nothing: no new copy
    one_launch(data_dir, "after twenty-five minutes")
    kept = backups.usable_backups(path)
    assert len(kept) == 2
    assert text_in(kept[-1].path) == "after twenty-five minutes"
    assert (kept[-1].contents.answers, kept[-1].contents.exercises) == (1, 1)
    zeroed_header(path)  # and then the workbook is ruined
    problem = check_before_opening(path)
    assert problem is not None
    out = io.StringIO()
    assert offer_restore(path, problem, lambda _question: "1", out)
    assert text_in(path) == "after twenty-five minutes"


def test_a_command_that_writes_backs_up_as_it_closes(data_dir: Path) -> None:
    path = workbook_path(data_dir)
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    args = ["--date", yesterday, "--duration", "1h30", "--phase", "preliminaire"]
    assert main(["--lang", "en", "hours", "add", *args, "--kind", "accompagnement"]) == 0
    (first,) = backups.usable_backups(path)
    assert first.contents.hours == 1
    assert main(["--lang", "en", "status"]) == 0  # reads only: no new copy
    assert len(backups.usable_backups(path)) == 1


def take_backups(path: Path) -> tuple[Path, Path]:
    """An empty backup from yesterday evening, then one of real work today."""
    now = datetime.datetime.now()
    with open_workbook(path) as workbook:
        empty = workbook.rolling_backup(
            force=True, moment=now.replace(hour=21, minute=5) - datetime.timedelta(days=1)
        )
        workbook.save_answers([Answer(KEY, "my words")])
        full = workbook.rolling_backup(force=True, moment=now)
    assert empty is not None and full is not None
    return empty, full


def test_the_offer_says_what_each_backup_holds_and_warns_on_an_empty_one(
    data_dir: Path,
) -> None:
    path = workbook_path(data_dir)
    _empty, _full = take_backups(path)
    zeroed_header(path)
    problem = check_before_opening(path)
    assert problem is not None
    questions: list[str] = []

    def choose_the_empty_one(question: str) -> str:
        questions.append(question)
        return "2"

    out = io.StringIO()
    assert offer_restore(path, problem, choose_the_empty_one, out)
    lines = out.getvalue().splitlines()
    assert lines[1:5] == [
        "Backups of this workbook, newest first:",
        f"  1. today at {backups.taken_at(_full):%-H:%M}: 1 answer in 1 exercise",
        "  2. yesterday at 21:05: EMPTY: no answers, no hours",
        "An EMPTY backup holds none of your work: restoring it brings back a blank workbook.",
    ]
    assert questions == [
        "Restore which backup? Type its number (1 to 2), or press Enter to change nothing: "
    ]
    assert text_in(path) is None  # what was chosen, knowingly


def test_declining_names_the_backup_holding_the_work(data_dir: Path) -> None:
    path = workbook_path(data_dir)
    _empty, full = take_backups(path)
    zeroed_header(path)
    problem = check_before_opening(path)
    assert problem is not None
    out = io.StringIO()
    assert not offer_restore(path, problem, lambda _question: "", out)
    assert out.getvalue().splitlines()[-1] == (
        f"Nothing was changed. Restore a backup later with: bilan restore {full}"
    )


def test_bilan_restore_without_a_path_lists_the_backups(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook_path(data_dir)
    empty, full = take_backups(path)
    assert main(["--lang", "en", "restore"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:5] == [
        "Backups of this workbook, newest first:",
        f"  1. today at {backups.taken_at(full):%-H:%M}: 1 answer in 1 exercise",
        f"     {full}",
        "  2. yesterday at 21:05: EMPTY: no answers, no hours",
        f"     {empty}",
    ]
    assert "including answers you have cleared since" in out
    assert "Restore one with: bilan restore PATH" in out
    assert text_in(path) == "my words"


def test_bilan_restore_of_an_empty_backup_needs_confirming(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook_path(data_dir)
    empty, _full = take_backups(path)
    assert main(["--lang", "en", "restore", str(empty)]) == 2
    captured = capsys.readouterr()
    assert "EMPTY: no answers, no hours" in captured.out
    assert "brings back a blank workbook" in captured.out
    assert captured.err == "bilan: nothing was changed; to restore an empty backup, add --yes\n"
    assert text_in(path) == "my words"
    assert main(["--lang", "en", "restore", "--yes", str(empty)]) == 0
    assert text_in(path) is None
    assert text_in(backups.usable_backups(path)[-1].path) == "my words", "backed up first"
