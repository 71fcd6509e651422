"""A homework belongs to the workbook that imported it (issue 20, point 2).

Importing one homework used to add the consultant's whole pack (8 exercises,
2 assigned) to every workbook of the data folder: a finished workbook went
from 4/4 to 4/5, a new one started with 30 exercises. Now the pack a homework
carries stays with the importing workbook, which lists the assigned exercises
only; ``bilan pack install`` still adds a pack, whole, for every workbook.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.packs import load_library, load_shipped_pack
from bilan_tui.services.session import WorkbookSession

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reseau-pro"
DUE = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
ASSIGNED = ["reseau-pro:contacts", "reseau-pro:engagements"]
SHIPPED_COUNT = len(load_shipped_pack("en").exercises)
PACK_COUNT = 8


def write_homework(tmp_path: Path, exercises: str = "contacts,engagements") -> Path:
    output = tmp_path / f"devoir-{exercises.replace(',', '-')}.toml"
    args = ["homework", "new", "--pack", str(EXAMPLE), "--exercises", exercises]
    assert main([*args, "--due", DUE, "--output", str(output)]) == 0
    return output


def status_json(capsys: pytest.CaptureFixture[str], workbook: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["--lang", "en", "--workbook", workbook, "status", "--json"]) == 0
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def listed(report: dict[str, object]) -> list[str]:
    phases = report["phases"]
    assert isinstance(phases, list)
    return [ex["id"] for phase in phases for ex in phase["exercises"]]


def status_lines(capsys: pytest.CaptureFixture[str], workbook: str) -> list[str]:
    capsys.readouterr()
    assert main(["--lang", "en", "--workbook", workbook, "status"]) == 0
    return capsys.readouterr().out.splitlines()


def finish_preliminary(data_dir: Path, name: str) -> None:
    """Workbook ``name`` with its four preliminary exercises done (4/4)."""
    library = load_library(load_shipped_pack("en"), data_dir)
    path = data_dir / "workbooks" / f"{name}.sqlite"
    session = WorkbookSession.open(path, library, language="en", create=True)
    try:
        phase = library.phase("preliminaire")
        assert phase is not None
        for exercise in phase.exercises:
            session.set_done(exercise, True)
    finally:
        session.close()


def test_a_homework_pack_stays_with_the_workbook_that_imported_it(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    finish_preliminary(data_dir, "b")
    before_b = status_lines(capsys, "b")
    assert "Preliminary phase  4/4" in before_b

    homework = write_homework(tmp_path)
    assert main(["--lang", "en", "--workbook", "a", "homework", "import", str(homework)]) == 0

    report_a = status_json(capsys, "a")
    ids_a = listed(report_a)
    assert [ref for ref in ids_a if ref.startswith("reseau-pro:")] == ASSIGNED
    assert len(ids_a) == SHIPPED_COUNT + 2
    homework_a = report_a["homework"]
    assert isinstance(homework_a, list)
    assert [f"{ex['pack']}:{ex['id']}" for ex in homework_a[0]["exercises"]] == ASSIGNED

    lines_a = status_lines(capsys, "a")
    assert "Preliminary phase  0/4" in lines_a, "attentes-reseau is not assigned: not listed"
    assert "Investigation phase  0/14" in lines_a
    assert "Conclusions phase  0/10" in lines_a
    assert "  ○ to do  Les personnes de mon réseau" in lines_a
    assert not any("Mon réseau aujourd'hui" in line for line in lines_a)

    assert status_lines(capsys, "b") == before_b, "another workbook is untouched"
    report_b = status_json(capsys, "b")
    assert not any(ref.startswith("reseau-pro:") for ref in listed(report_b))
    assert report_b["homework"] == []

    report_c = status_json(capsys, "c")  # a workbook not created yet
    assert len(listed(report_c)) == SHIPPED_COUNT
    assert not (data_dir / "workbooks" / "c.sqlite").exists()
    assert (
        main(
            [
                "--workbook",
                "c",
                "hours",
                "add",
                "--date",
                datetime.date.today().isoformat(),
                "--duration",
                "1h",
                "--phase",
                "preliminaire",
                "--kind",
                "personnel",
            ]
        )
        == 0
    )
    assert len(listed(status_json(capsys, "c"))) == SHIPPED_COUNT, "a new workbook: 22, not 30"


def test_answers_keep_their_keys_and_a_second_homework_adds_its_own_exercises(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workbook", "a", "homework", "import", str(write_homework(tmp_path))]) == 0
    library = load_library(load_shipped_pack("en"), data_dir)
    path = data_dir / "workbooks" / "a.sqlite"
    session = WorkbookSession.open(path, library, language="en", create=False)
    try:
        contacts = session.pack.exercise("reseau-pro:contacts")
        assert contacts is not None and contacts.pack_id == "reseau-pro"
        session.save_answers([Answer(AnswerKey("reseau-pro", "contacts", "nom", "e1"), "Ana")])
        assert session.pack.exercise("reseau-pro:styles-relation") is None
    finally:
        session.close()

    second = write_homework(tmp_path, "styles-relation")
    assert main(["--workbook", "a", "homework", "import", str(second)]) == 0
    ids = listed(status_json(capsys, "a"))
    assert [ref for ref in ids if ref.startswith("reseau-pro:")] == [
        "reseau-pro:contacts",
        "reseau-pro:styles-relation",
        "reseau-pro:engagements",
    ]
    session = WorkbookSession.open(path, library, language="en", create=False)
    try:
        contacts = session.pack.exercise("reseau-pro:contacts")
        assert contacts is not None
        assert session.exercise_answers(contacts).entries()[0].values["nom"] == "Ana"
        assert session.statuses()["reseau-pro:contacts"] is ExerciseStatus.STARTED
    finally:
        session.close()


def test_a_pack_installed_explicitly_still_shows_whole_in_every_workbook(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workbook", "a", "homework", "import", str(write_homework(tmp_path))]) == 0
    assert main(["pack", "install", str(EXAMPLE)]) == 0
    for name in ("a", "b"):
        ids = listed(status_json(capsys, name))
        assert len([ref for ref in ids if ref.startswith("reseau-pro:")]) == PACK_COUNT, name


def test_wiping_a_workbook_removes_the_packs_of_its_homework(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workbook", "a", "homework", "import", str(write_homework(tmp_path))]) == 0
    own = data_dir / "workbooks" / "a.packs"
    assert (own / "reseau-pro" / "pack.toml").is_file()
    assert main(["--workbook", "a", "wipe", "--yes"]) == 0
    assert not own.exists()
    assert not (data_dir / "workbooks" / "a.sqlite").exists()


def test_scoping_twice_still_shows_the_assigned_exercises_only(
    tmp_path: Path, data_dir: Path
) -> None:
    assert main(["--workbook", "a", "homework", "import", str(write_homework(tmp_path))]) == 0
    library = load_library(load_shipped_pack("en"), data_dir)
    path = data_dir / "workbooks" / "a.sqlite"
    first = WorkbookSession.open(path, library, language="en", create=False)
    first.close()
    again = WorkbookSession.open(path, first.pack, language="en", create=False)
    try:
        refs = [ex.ref for ex in again.pack.exercises if ex.pack_id == "reseau-pro"]
        assert refs == ASSIGNED
    finally:
        again.close()
