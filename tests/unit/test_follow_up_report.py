"""A follow-up recorded on a copy of the demo exports its report: ``--scope suivi``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey, JSONValue
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.services.demo.script import entry_id
from bilan_tui.services.session import WorkbookSession

RATINGS = {"satisfaction_charge": 6, "satisfaction_equilibre": 7, "satisfaction_sante": 8}


def follow_up(
    key: str, value: JSONValue, entry: str = "", exercise: str = "entretien-suivi"
) -> Answer:
    return Answer(AnswerKey("bilan", exercise, key, entry), value)


@pytest.fixture
def recorded(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo (English), its follow-up recorded on the day; commands run from an empty folder."""
    pack = load_shipped_pack("en")
    path = data_dir / "workbooks" / "demo.sqlite"
    recreate_demo(path, pack)
    step = entry_id("plan-action", "inscription")
    session = WorkbookSession.open(path, pack, language="en", create=False)
    try:
        session.save_answers(
            [
                follow_up("date_entretien", "2027-05-28"),
                follow_up("plan_revu", True),
                *(follow_up(key, value) for key, value in RATINGS.items()),
                follow_up("changements", "I got a [day] post *at last*."),
                follow_up("decisions", "Enrol for the spring session."),
                follow_up("utilite", 8),
                follow_up("utilite_pourquoi", "The interviews made up my mind."),
                follow_up("statut", "modifie", step, "plan-action"),
                follow_up("statut_pourquoi", "The faculty moved it to spring", step, "plan-action"),
            ]
        )
        exercise = session.pack.exercise("entretien-suivi")
        assert exercise is not None
        session.set_done(exercise, True)
        assert session.follow_up_reminder() is None, "recorded: nothing left to remind"
    finally:
        session.close()
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    return path


def export(*args: str) -> Path:
    assert main(["--workbook", "demo", "--lang", "en", "export", "--scope", "suivi", *args]) == 0
    [written] = Path.cwd().iterdir()
    return written


def test_the_report_in_markdown(recorded: Path) -> None:
    written = export()
    assert written.name.startswith("demo-follow-up-") and written.suffix == ".md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Follow-up interview report\n")
    assert "Follow-up interview of 28 May 2027." in text
    assert "| Me renseigner" not in text
    assert "| Find out the dates of the next training session | " in text
    assert "| Changed | The faculty moved it to spring |" in text
    assert "| Workload | 3 | 6 | +3 |" in text
    assert "| Work-life balance | 3 | 7 | +4 |" in text
    assert "Health" not in text, "a private rating stays out unless included"
    assert "I got a \\[day\\] post \\*at last\\*." in text
    assert "How useful the bilan proved, six months on: 8 out of 10." in text
    assert "Session journal" not in text and "Synthesis document" not in text


def test_private_ratings_come_with_include_private(recorded: Path) -> None:
    text = export("--include-private").read_text(encoding="utf-8")
    assert "| Health | 5 | 8 | +3 |" in text


def test_the_report_in_json_and_html(recorded: Path) -> None:
    data = json.loads(export("--format", "json").read_text(encoding="utf-8"))
    assert data["scope"] == "suivi"
    report = data["follow_up"]
    assert report["held_on"] == "2027-05-28" and report["recorded"] is True
    assert report["usefulness"] == 8
    changed = [step for step in report["plan"] if step["state"] == "modifie"]
    assert changed == [
        {
            "action": "Find out the dates of the next training session",
            "deadline": changed[0]["deadline"],
            "state": "modifie",
            "why": "The faculty moved it to spring",
        }
    ]
    assert {"area": "charge", "start": 3, "now": 6} in report["situation"]
    assert all(row["area"] != "sante" for row in report["situation"])
    for written in Path.cwd().iterdir():
        written.unlink()
    html = export("--format", "html").read_text(encoding="utf-8")
    assert "Follow-up interview report" in html
    assert "I got a [day] post *at last*." in html, "her words, shown literally"


def test_a_report_before_the_interview_says_it_is_not_recorded(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recreate_demo(data_dir / "workbooks" / "demo.sqlite", load_shipped_pack("en"))
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    text = export().read_text(encoding="utf-8")
    assert "is not recorded yet" in text
    assert "| Workload | 3 | — | — |" in text
