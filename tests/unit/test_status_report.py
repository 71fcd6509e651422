"""The typed status report: ``bilan status --json`` prints what it printed as a dict.

``tests/fixtures/status/*.json`` were written by the dict-building code this
report replaced (demo dated around ``REFERENCE``, a workbook not created yet):
scripts read those keys, so the JSON must stay byte for byte the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.services.session import WorkbookSession
from bilan_tui.services.status_report import StatusReport, empty_status_report

from .demo_helpers import LANGUAGES, REFERENCE

GOLDEN = Path(__file__).parent.parent / "fixtures" / "status"


def _printed(report: StatusReport) -> str:
    """What ``bilan status --json`` prints for a report."""
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_report_prints_the_json_it_always_printed(language: str, tmp_path: Path) -> None:
    pack = load_shipped_pack(language)
    path = tmp_path / "demo.sqlite"
    recreate_demo(path, pack, reference=REFERENCE)
    session = WorkbookSession.open(path, pack, language=language, create=False)
    session.today = lambda: REFERENCE
    try:
        report = session.status_report()
    finally:
        session.close()
    assert _printed(report) == (GOLDEN / f"demo_{language}.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_workbook_reports_the_json_it_always_reported(language: str) -> None:
    report = empty_status_report(load_shipped_pack(language))
    assert _printed(report) == (GOLDEN / f"empty_{language}.json").read_text(encoding="utf-8")


def test_the_command_prints_the_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--workbook", "nouveau", "status", "--json"]) == 0
    assert capsys.readouterr().out == (GOLDEN / "empty_en.json").read_text(encoding="utf-8")


def test_the_report_is_read_as_types_not_strings(tmp_path: Path) -> None:
    pack = load_shipped_pack("en")
    path = tmp_path / "demo.sqlite"
    recreate_demo(path, pack, reference=REFERENCE)
    session = WorkbookSession.open(path, pack, language="en", create=False)
    session.today = lambda: REFERENCE
    try:
        report = session.status_report()
    finally:
        session.close()
    first = report.phases[0]
    assert (
        first.done
        == first.total
        == sum(1 for item in first.exercises if item.status is ExerciseStatus.DONE)
    )
    assert report.follow_up is not None and report.follow_up.state == "later"
    assert report.hours.accompagnement_minutes > 0
