"""``--data-dir`` names the folder that holds ``workbooks/`` (issue 20, point 3).

Pointed at a folder where workbook files sit outside ``workbooks/``, ``bilan``
used to open a new blank workbook and say nothing. Now it says, in one line,
what it found and the command to use, and writes nothing.
"""

from __future__ import annotations

import json
import shlex
import sqlite3
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession


def make_workbook(path: Path, job: str = "Nurse") -> None:
    """A real workbook with one answer, as the interface writes it."""
    session = WorkbookSession.open(path, load_shipped_pack("en"), language="en", create=True)
    session.save_answers([Answer(AnswerKey("bilan", "situation", "poste"), job)])
    session.close()


def started(report_text: str) -> set[str]:
    report = json.loads(report_text)
    return {ex["id"] for ph in report["phases"] for ex in ph["exercises"] if ex["status"] != "todo"}


def command_in(line: str) -> list[str]:
    """The command a message ends with, split as a shell would."""
    assert "bilan --data-dir" in line
    return shlex.split(line[line.index("bilan --data-dir") :])


def test_help_says_the_data_dir_holds_the_workbooks_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--data-dir DIR data folder: your workbooks go in its workbooks/ folder" in out


def test_workbooks_folder_given_as_data_dir_is_named_with_the_right_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "bilan-tui"
    make_workbook(root / "workbooks" / "default.sqlite")
    wrong = root / "workbooks"
    before = sorted(p.name for p in wrong.iterdir())

    assert main(["--data-dir", str(wrong), "status"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("bilan: ")
    assert str(wrong / "default.sqlite") in err
    assert sorted(p.name for p in wrong.iterdir()) == before, "no blank workbook was created"
    assert not (wrong / "workbooks").exists()

    command = command_in(err)
    assert command == ["bilan", "--data-dir", str(root)]
    assert main([*command[1:], "status", "--json"]) == 0
    assert "situation" in started(capsys.readouterr().out)


@pytest.mark.parametrize(
    "argv",
    [["status"], ["status", "--json"], ["hours"], ["homework", "list"], []],
)
def test_every_command_that_would_start_blank_refuses(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "copied"
    make_workbook(tmp_path / "made" / "workbooks" / "default.sqlite")
    wrong.mkdir()
    (tmp_path / "made" / "workbooks" / "default.sqlite").rename(wrong / "default.sqlite")

    assert main(["--data-dir", str(wrong), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(wrong / "default.sqlite") in err
    assert sorted(p.name for p in wrong.iterdir()) == ["default.sqlite"]


def test_a_copied_workbook_is_brought_in_with_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "usb"
    make_workbook(tmp_path / "made" / "essai.sqlite", job="Baker")
    wrong.mkdir()
    (tmp_path / "made" / "essai.sqlite").rename(wrong / "essai.sqlite")

    assert main(["--data-dir", str(wrong), "--workbook", "essai", "status"]) == 2
    command = command_in(capsys.readouterr().err.strip())
    assert command == [
        "bilan",
        "--data-dir",
        str(wrong),
        "--workbook",
        "essai",
        "restore",
        str(wrong / "essai.sqlite"),
    ]
    assert main(command[1:]) == 0
    capsys.readouterr()
    assert (wrong / "essai.sqlite").exists(), "the original is left where it was"
    assert main(["--data-dir", str(wrong), "--workbook", "essai", "status", "--json"]) == 0
    assert "situation" in started(capsys.readouterr().out)


def test_another_programs_database_is_not_taken_for_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    connection = sqlite3.connect(folder / "photos.sqlite")
    connection.execute("CREATE TABLE photo (id INTEGER)")
    connection.commit()
    connection.close()
    assert main(["--data-dir", str(folder), "status", "--json"]) == 0
    assert started(capsys.readouterr().out) == set()


def test_a_workbook_in_its_place_is_opened_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    make_workbook(root / "workbooks" / "default.sqlite")
    make_workbook(root / "stray.sqlite")  # a copy beside it does not matter once found
    assert main(["--data-dir", str(root), "status", "--json"]) == 0
    assert "situation" in started(capsys.readouterr().out)
