"""``bilan status`` reminds her of the follow-up interview as the dashboard does."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession


def workbook_with_follow_up(data_dir: Path, offset: int | None) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    session = WorkbookSession.open(path, load_shipped_pack("en"), language="en", create=True)
    try:
        value = "" if offset is None else (datetime.date.today() + datetime.timedelta(days=offset))
        answer = Answer(AnswerKey("bilan", "suivi", "date_suivi"), str(value))
        session.save_answers([answer, Answer(AnswerKey("bilan", "demande", "declencheur"), "x")])
    finally:
        session.close()


@pytest.mark.parametrize(
    ("offset", "state", "words"),
    [
        (12, "soon", "Your follow-up interview is on"),
        (0, "today", "Your follow-up interview is today."),
        (-3, "past", "Your follow-up interview was planned for"),
    ],
)
def test_status_says_the_follow_up_is_near_or_past(
    data_dir: Path, capsys: pytest.CaptureFixture[str], offset: int, state: str, words: str
) -> None:
    workbook_with_follow_up(data_dir, offset)
    assert main(["--lang", "en", "status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["follow_up"]["state"] == state
    assert report["follow_up"]["days"] == offset
    assert main(["--lang", "en", "status"]) == 0
    out = capsys.readouterr().out
    assert words in out
    recorded_in = "Record it in “The six-month review”, or note its new date."
    assert (recorded_in in out) is (state != "soon")


def test_status_mentions_a_follow_up_still_far_ahead(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook_with_follow_up(data_dir, 45)
    assert main(["--lang", "en", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["follow_up"]["state"] == "later"
    assert main(["--lang", "en", "status"]) == 0
    assert "Follow-up interview: " in capsys.readouterr().out


@pytest.mark.parametrize("offset", [None])
def test_status_is_silent_without_a_date(
    data_dir: Path, capsys: pytest.CaptureFixture[str], offset: int | None
) -> None:
    workbook_with_follow_up(data_dir, offset)
    assert main(["--lang", "en", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["follow_up"] is None
    assert main(["--lang", "en", "status"]) == 0
    assert "ollow-up interview" not in capsys.readouterr().out
