"""``bilan demo``: (re)creating the workbook ``demo`` from the command line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.cli.context import CommandContext
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.lock import acquire_lock
from bilan_tui.store.repository import DISPLAY_NAME, open_workbook


def demo_path(data_dir: Path) -> Path:
    return data_dir / "workbooks" / "demo.sqlite"


def statuses(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    capsys.readouterr()
    assert main(["--workbook", "demo", "status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    return {ex["id"]: ex["status"] for phase in report["phases"] for ex in phase["exercises"]}


def test_demo_no_open_creates_a_finished_bilan(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--no-open"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == f"Created the demo workbook: {demo_path(data_dir)}"
    # With LANG in English the demo is in English: the workbook's language
    # follows the interface unless --lang says otherwise.
    found = statuses(capsys)
    assert len(found) == 26
    assert found.pop("entretien-suivi") == "todo", "the six-month review is still ahead"
    assert "todo" not in found.values()
    assert found["suivi"] == "started"
    assert stat.S_IMODE(demo_path(data_dir).stat().st_mode) == 0o600
    with open_workbook(demo_path(data_dir), create=False) as workbook:
        assert workbook.get_setting(DISPLAY_NAME) == "Nadia F."
        assert workbook.info().language == "en"
        hours = sum(e.minutes for e in workbook.ledger() if e.kind == "accompagnement")
        assert 15 * 60 < hours < 24 * 60


def test_running_it_again_replaces_the_demo_without_duplicates(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--no-open"]) == 0
    with open_workbook(demo_path(data_dir), create=False) as workbook:
        before = (len(workbook.all_answers()), len(workbook.ledger()))
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "added_by_hand"), "x")])
    capsys.readouterr()
    assert main(["demo", "--no-open"]) == 0
    assert capsys.readouterr().out.startswith("Replaced the demo workbook:")
    with open_workbook(demo_path(data_dir), create=False) as workbook:
        after = (len(workbook.all_answers()), len(workbook.ledger()))
        fields = {a.key.field_id for a in workbook.all_answers()}
    assert after == before
    assert "added_by_hand" not in fields


def test_only_the_demo_is_touched_whatever_workbook_is_named(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = data_dir / "workbooks" / "mine.sqlite"
    with open_workbook(mine) as workbook:
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "declencheur"), "mine")])
    assert main(["--workbook", "mine", "demo", "--no-open"]) == 0
    assert demo_path(data_dir).exists()
    with open_workbook(mine, create=False) as workbook:
        assert [a.value for a in workbook.all_answers()] == ["mine"]
        assert workbook.ledger() == []


def test_the_demo_speaks_the_chosen_language_and_keeps_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--no-open", "--lang", "en"]) == 0
    assert main(["demo", "--no-open"]) == 0
    with open_workbook(demo_path(data_dir), create=False) as workbook:
        assert workbook.info().language == "en"
        values = {a.key.field_id: a.value for a in workbook.answers("bilan")}
    assert values["metier_cible"] == "Occupational health nurse"
    assert list(statuses(capsys).values()).count("todo") == 1  # the six-month review


def test_an_open_demo_is_not_replaced(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--no-open"]) == 0
    path = demo_path(data_dir)
    content = path.read_bytes()
    with acquire_lock(path):
        assert main(["demo", "--no-open"]) == 1
    error = capsys.readouterr().err
    assert "already open" in error and error.count("\n") == 1
    assert path.read_bytes() == content


def test_without_no_open_the_demo_opens_in_the_interface(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def fake_tui(context: CommandContext) -> int:
        opened.append(context.workbook)
        assert context.workbook_path().exists()
        return 0

    monkeypatch.setattr("bilan_tui.cli.tui.run_tui", fake_tui)
    assert main(["--workbook", "other", "demo"]) == 0
    assert opened == ["demo"]
