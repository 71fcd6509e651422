"""``bilan hours``: logging hours by hand, the totals, and every refusal.

A refused entry exits with status 2, says what is wrong in one line on stderr
and writes nothing: no new workbook file, no new ledger row.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.dates import long_date
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession

TODAY = datetime.date.today()
YESTERDAY = (TODAY - datetime.timedelta(days=1)).isoformat()
TOMORROW = (TODAY + datetime.timedelta(days=1)).isoformat()


def workbook(data_dir: Path) -> Path:
    return data_dir / "workbooks" / "default.sqlite"


def add(
    *extra: str,
    date: str = YESTERDAY,
    duration: str = "1h30",
    phase: str = "preliminaire",
    kind: str = "accompagnement",
) -> int:
    args = [
        "--lang",
        "en",
        "hours",
        "add",
        "--date",
        date,
        "--duration",
        duration,
        "--phase",
        phase,
        "--kind",
        kind,
        *extra,
    ]
    return main(args)


def hours_json(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["--lang", "en", "hours", "--json"]) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def test_listing_a_missing_workbook_is_empty_and_creates_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = hours_json(capsys)
    assert report["accompagnement_hours"] == 0
    assert report["personnel_hours"] == 0
    assert report["budget_hours"] == 24
    assert report["entries"] == [] and report["warnings"] == []
    assert list(report["by_phase"]) == ["preliminaire", "investigation", "conclusions"]
    assert main(["--lang", "en", "hours"]) == 0
    assert "No hours logged yet." in capsys.readouterr().out
    assert not data_dir.exists()


def test_add_creates_the_workbook_and_the_totals_add_up(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add("--note", "First session") == 0
    assert "Logged 1h 30m of accompaniment" in capsys.readouterr().out
    assert workbook(data_dir).is_file()
    assert add(duration="45m", phase="investigation", kind="personnel") == 0
    assert add(duration="2h", phase="investigation") == 0
    report = hours_json(capsys)
    assert report["accompagnement_hours"] == 3.5
    assert report["personnel_hours"] == 0.75
    assert report["by_phase"]["investigation"] == {
        "accompagnement_hours": 2.0,
        "personnel_hours": 0.75,
        "planned_hours": None,
    }
    assert [entry["minutes"] for entry in report["entries"]] == [90, 45, 120]
    assert report["entries"][0]["note"] == "First session"
    assert report["entries"][0]["source"] == "manual"
    assert report["first_date"] == report["last_date"] == YESTERDAY


@pytest.mark.parametrize(
    ("duration", "minutes"),
    [("1h30", 90), ("1h", 60), ("90m", 90), ("1.5h", 90), ("1:30", 90), ("1,5h", 90)],
)
def test_every_documented_duration_form_is_read(
    duration: str, minutes: int, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(duration=duration) == 0
    assert [entry["minutes"] for entry in hours_json(capsys)["entries"]] == [minutes]


REFUSALS = [
    ({"duration": "0"}, "A duration must be longer than zero."),
    ({"duration": "0h"}, "A duration must be longer than zero."),
    ({"duration": "-1h"}, "A duration cannot be negative."),
    ({"duration": "soon"}, "Cannot read the duration 'soon'"),
    ({"duration": "25h"}, "more than 24 hours"),
    ({"date": "2025-02-30"}, "The date 2025-02-30 does not exist."),
    ({"date": "3 février 2025"}, "write it like 2026-11-20"),
    ({"date": "31/02/2025"}, "The date 31/02/2025 does not exist."),
    ({"date": "0001-01-01"}, "The date 0001-01-01 is not plausible"),
    (
        {"date": TOMORROW},
        f"The date {long_date(datetime.date.fromisoformat(TOMORROW), 'en')} is in the fu",
    ),
    ({"phase": "synthese"}, "Unknown phase 'synthese'"),
    ({"kind": "coaching"}, "Unknown kind 'coaching': use one of accompagnement, personnel."),
]


@pytest.mark.parametrize(("bad", "message"), REFUSALS)
def test_bad_input_is_refused_in_one_line_and_no_workbook_appears(
    bad: dict[str, str], message: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(**bad) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and err.startswith("bilan: ")
    assert not workbook(data_dir).exists()


@pytest.mark.parametrize(("bad", "message"), REFUSALS)
def test_bad_input_leaves_an_existing_ledger_unchanged(
    bad: dict[str, str], message: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add() == 0
    before = hours_json(capsys)
    assert add(**bad) == 2
    assert message in capsys.readouterr().err
    assert hours_json(capsys) == before


@pytest.mark.parametrize(
    ("typed_date", "typed_phase"),
    [("03/02/2025", "préliminaire"), ("3.2.2025", "Preliminaire"), ("2025-02-03", "preliminaire")],
)
def test_dates_and_phases_as_people_type_them(
    typed_date: str, typed_phase: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(date=typed_date, phase=typed_phase) == 0
    assert "on 3 February 2025 (Preliminary)" in capsys.readouterr().out
    assert main(["hours", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert [(e["date"], e["phase"]) for e in entries] == [("2025-02-03", "preliminaire")]


def test_a_bad_workbook_name_is_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "--workbook",
                "../x",
                "hours",
                "add",
                "--date",
                YESTERDAY,
                "--duration",
                "1h",
                "--phase",
                "preliminaire",
                "--kind",
                "personnel",
            ]
        )
        == 2
    )
    assert "invalid workbook name" in capsys.readouterr().err
    assert not data_dir.exists()


def test_warnings_over_24_hours_and_over_8_hours_in_a_day(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - datetime.timedelta(days=10)
    for offset, duration in enumerate(["9h", "8h", "8h"]):
        assert add(date=(day + datetime.timedelta(days=offset)).isoformat(), duration=duration) == 0
    report = hours_json(capsys)
    assert report["accompagnement_hours"] == 25
    codes = [warning["code"] for warning in report["warnings"]]
    assert codes == ["over_budget", "single_day"]
    assert report["warnings"][1]["date"] == day.isoformat()
    assert main(["--lang", "en", "hours"]) == 0
    out = capsys.readouterr().out
    assert "! Accompaniment totals 25h, over the 24h maximum." in out
    assert f"! 9h of accompaniment on {long_date(day, 'en')}: more than 8h in one day." in out


def test_the_table_shows_notes_literally_and_the_plan_from_modalites(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add("--note", "[b]bold[/b] \x1b[31mred") == 0
    session = WorkbookSession.open(
        workbook(data_dir), load_shipped_pack("en"), language="en", create=False
    )
    try:
        session.save_answers([Answer(AnswerKey("bilan", "modalites", "heures_preliminaire"), 4)])
    finally:
        session.close()
    assert main(["--lang", "en", "hours"]) == 0
    out = capsys.readouterr().out
    assert "[b]bold[/b] red" in out and "\x1b" not in out
    assert "Preliminary: accompaniment 1h 30m of 4h planned, personal work 0m" in out
    assert hours_json(capsys)["by_phase"]["preliminaire"]["planned_hours"] == 4


def test_french_durations_in_the_french_interface(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "--lang",
                "fr",
                "hours",
                "add",
                "--date",
                YESTERDAY,
                "--duration",
                "1 h 30",
                "--phase",
                "preliminaire",
                "--kind",
                "accompagnement",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--lang", "fr", "hours"]) == 0
    assert "1 h 30 / 24 h" in capsys.readouterr().out


def test_the_command_and_automatic_hours_import_neither_textual_nor_storage() -> None:
    import subprocess
    import sys

    code = (
        "import sys, bilan_tui.cli.hours, bilan_tui.services.auto_hours\n"
        "import bilan_tui.services.ledger_text\n"
        "print(' '.join(sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert not {"textual", "sqlmodel", "sqlalchemy"} & set(loaded)


def test_french_confirmation_elides_and_writes_the_day_out(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "fr", "hours", "add", "--date", "01/02/2025", "--duration", "1h",
                 "--phase", "préliminaire", "--kind", "accompagnement"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("Noté : 1 h d'accompagnement le 1er février 2025 (Préliminaire).")
    assert "de accompagnement" not in out
    assert main(["--lang", "fr", "hours", "add", "--date", "2025-02-03", "--duration", "30m",
                 "--phase", "investigation", "--kind", "personnel"]) == 0  # fmt: skip
    assert "30 min de travail personnel le 3 février 2025" in capsys.readouterr().out
