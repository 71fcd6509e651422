"""The command line's contract: --version, --help, status, the data dir."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from bilan_tui import __version__
from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"bilan {__version__}"


def test_help_lists_only_commands_that_exist(capsys: pytest.CaptureFixture[str]) -> None:
    from bilan_tui.cli import COMMANDS, command_modules

    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "status" in out
    for module in command_modules():
        assert callable(module.run)
    for name in COMMANDS:
        assert name in out


def test_status_of_a_new_workbook_creates_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [phase["id"] for phase in report["phases"]] == [
        "preliminaire",
        "investigation",
        "conclusions",
    ]
    assert all(ex["status"] == "todo" for phase in report["phases"] for ex in phase["exercises"])
    assert {"phases", "hours", "homework"} <= report.keys()
    assert not data_dir.exists()


def test_status_shows_started_exercise(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = load_shipped_pack("fr")
    path = data_dir / "workbooks" / "default.sqlite"
    session = WorkbookSession.open(path, pack, language="fr", create=True)
    session.save_answers([Answer(AnswerKey("bilan", "demande", "declencheur"), "Un départ")])
    session.close()

    assert main(["status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    statuses = {ex["id"]: ex["status"] for ph in report["phases"] for ex in ph["exercises"]}
    assert statuses["demande"] == "started"
    assert statuses["situation"] == "todo"
    assert report["next"] == "demande"

    assert main(["status"]) == 0
    text = capsys.readouterr().out
    assert "Ma demande" in text


def test_data_dir_option_wins_over_environment(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "elsewhere"
    pack = load_shipped_pack("en")
    session = WorkbookSession.open(
        other / "workbooks" / "mine.sqlite", pack, language="en", create=True
    )
    session.save_answers([Answer(AnswerKey("bilan", "situation", "poste"), "Nurse")])
    session.close()
    assert main(["--data-dir", str(other), "--workbook", "mine", "status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    statuses = {ex["id"]: ex["status"] for ph in report["phases"] for ex in ph["exercises"]}
    assert statuses["situation"] == "started"
    assert stat.S_IMODE((other / "workbooks").stat().st_mode) == 0o700


@pytest.mark.parametrize("name", ["../escape", "a/b", ".hidden", ""])
def test_bad_workbook_name_is_a_usage_error(
    name: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workbook", name, "status"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bilan: ") and len(err.strip().splitlines()) == 1
    assert not data_dir.exists()


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--nope"]) == 2
    assert "--nope" in capsys.readouterr().err


def test_damaged_workbook_gives_one_clear_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database at all" * 10)
    before = path.read_bytes()
    assert main(["status"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("bilan: ") and "Traceback" not in err
    assert path.read_bytes() == before
