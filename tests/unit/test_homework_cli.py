"""``bilan homework new|import|list``: the consultant writes a file, the beneficiary imports it."""

from __future__ import annotations

import datetime
import json
import shutil
import stat
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.dates import short_date
from bilan_tui.packs import load_library, load_shipped_pack
from bilan_tui.services.homework.fileformat import parse_homework
from bilan_tui.services.session import WorkbookSession

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reseau-pro"
BROKEN = ROOT / "tests" / "fixtures" / "packs" / "broken-many"
TODAY = datetime.date.today()
DUE = (TODAY + datetime.timedelta(days=7)).isoformat()
PAST = (TODAY - datetime.timedelta(days=1)).isoformat()


def new(tmp_path: Path, *extra: str, name: str = "devoir.toml") -> tuple[int, Path]:
    output = tmp_path / name
    args = ["homework", "new", "--due", DUE, "--output", str(output), *extra]
    return main(args), output


def workbook(data_dir: Path) -> Path:
    return data_dir / "workbooks" / "default.sqlite"


def refused(capsys: pytest.CaptureFixture[str], expected: str) -> None:
    err = capsys.readouterr().err
    assert err.startswith("bilan: ") and err.count("\n") == 1, err
    assert expected in err, err


# new --------------------------------------------------------------------------


def test_new_writes_one_plain_file_with_the_shipped_exercises(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, output = new(tmp_path, "--exercises", "valeurs, interets", "--message", "Jeudi !")
    assert status == 0
    assert "2 exercises" in capsys.readouterr().out
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    homework = parse_homework(output.read_bytes())
    assert [(item.pack, item.id) for item in homework.exercises] == [
        ("bilan", "valeurs"),
        ("bilan", "interets"),
    ]
    assert homework.due.isoformat() == DUE and homework.message == "Jeudi !"
    assert homework.pack_files == {}
    assert not data_dir.exists(), "the consultant's side writes nothing but the file"


def test_new_embeds_the_consultants_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, output = new(
        tmp_path, "--pack", str(EXAMPLE), "--exercises", "contacts,valeurs,reseau-pro:engagements"
    )
    assert status == 0
    assert "travels inside" in capsys.readouterr().out
    homework = parse_homework(output.read_bytes())
    assert [(item.pack, item.id) for item in homework.exercises] == [
        ("reseau-pro", "contacts"),
        ("bilan", "valeurs"),
        ("reseau-pro", "engagements"),
    ]
    assert sorted(homework.pack_files) == sorted(path.name for path in EXAMPLE.iterdir())
    assert homework.pack_files["contacts.md"] == (EXAMPLE / "contacts.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--exercises", "valeurs", "--due", PAST], "in the past"),
        (["--exercises", "valeurs", "--due", "14 mars 2025"], "write it like 2026-11-20"),
        (["--exercises", "valeurs", "--due", "31/02/2030"], "The date 31/02/2030 does not exist"),
        (["--exercises", "nope"], "unknown exercise nope"),
        (["--exercises", " , "], "at least one exercise"),
        (["--exercises", "mini:about"], "unknown exercise about in pack mini"),
        (["--exercises", "contacts", "--pack", str(BROKEN)], "is not valid"),
    ],
)
def test_new_refuses_bad_input_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    output = tmp_path / "devoir.toml"
    base = ["homework", "new", "--due", DUE, "--output", str(output)]
    assert main(base + args) == 2
    refused(capsys, expected)
    assert not output.exists()


def test_new_never_overwrites_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "devoir.toml"
    output.write_text("mine", "utf-8")
    status, _ = new(tmp_path, "--exercises", "valeurs")
    assert status == 2
    refused(capsys, "already exists")
    assert output.read_text("utf-8") == "mine"


# import -----------------------------------------------------------------------


def test_import_installs_the_pack_and_adds_the_assignment_once(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, output = new(tmp_path, "--pack", str(EXAMPLE), "--exercises", "contacts,valeurs")
    capsys.readouterr()
    assert main(["--lang", "en", "homework", "import", str(output)]) == 0
    out = capsys.readouterr().out
    assert "Homework imported: 2 exercises" in out and "reseau-pro 1.0.0" in out
    own = data_dir / "workbooks" / "default.packs" / "reseau-pro"
    assert (own / "contacts.md").is_file(), "the pack belongs to the importing workbook"
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    assert stat.S_IMODE((own / "contacts.md").stat().st_mode) == 0o600
    assert not (data_dir / "packs").exists(), "no other workbook sees it"

    assert main(["homework", "import", str(output)]) == 0
    assert "already imported" in capsys.readouterr().out

    assert main(["--lang", "en", "homework", "list", "--json"]) == 0
    [assignment] = json.loads(capsys.readouterr().out)
    assert assignment["due"] == DUE
    assert [(item["pack"], item["id"]) for item in assignment["exercises"]] == [
        ("reseau-pro", "contacts"),
        ("bilan", "valeurs"),
    ]
    assert all(item["status"] == "todo" for item in assignment["exercises"])


def test_imported_exercises_are_listed_with_their_state(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, output = new(tmp_path, "--pack", str(EXAMPLE), "--exercises", "contacts,valeurs")
    assert main(["--lang", "en", "homework", "import", str(output)]) == 0
    library = load_library(load_shipped_pack("en"), data_dir)
    assert library.find("reseau-pro", "contacts") is None, "the pack is the workbook's alone"
    session = WorkbookSession.open(workbook(data_dir), library, language="en", create=False)
    try:
        assert session.pack.find("reseau-pro", "contacts") is not None
        session.save_answers([Answer(AnswerKey("reseau-pro", "contacts", "nom", "e1"), "Ana")])
    finally:
        session.close()
    capsys.readouterr()
    assert main(["--lang", "en", "homework", "list"]) == 0
    out = capsys.readouterr().out
    assert f"due {short_date(datetime.date.fromisoformat(DUE), 'en')}" in out
    assert "◐ in progress  Les personnes de mon réseau  · Mon réseau professionnel" in out
    assert "○ to do  My values" in out
    assert main(["--lang", "en", "status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["homework"][0]["exercises"][0]["status"] == "started"
    listed = [ex for phase in report["phases"] for ex in phase["exercises"]]
    assert {"id": "reseau-pro:contacts", "pack": "reseau-pro"}.items() <= next(
        ex for ex in listed if ex["pack"] == "reseau-pro" and ex["status"] == "started"
    ).items()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def _homework_text(tmp_path: Path, *extra: str) -> str:
    _, output = new(tmp_path, *extra, name="source.toml")
    return output.read_text("utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda text: "this is [not a homework file", "not a homework file"),
        (lambda text: text.replace('id = "valeurs"', 'id = "ghost"'), "unknown exercise ghost"),
        (lambda text: text.replace('pack = "bilan"', 'pack = "absent"'), "pack absent"),
        (lambda text: text.replace(f"due = {DUE}", f"due = {PAST}"), "has passed"),
    ],
)
def test_import_refuses_bad_files_and_writes_nothing(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    change: object,
    expected: str,
) -> None:
    text = _homework_text(tmp_path, "--exercises", "valeurs")
    assert callable(change)
    bad = _write(tmp_path / "bad.toml", change(text))
    capsys.readouterr()
    assert main(["homework", "import", str(bad)]) == 2
    refused(capsys, expected)
    assert not workbook(data_dir).exists(), "a refused file does not even create the workbook"


def test_import_refuses_a_pack_that_fails_validation(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _homework_text(tmp_path, "--pack", str(EXAMPLE), "--exercises", "contacts")
    broken = text.replace('kind = "records"', 'kind = "quiz"')
    capsys.readouterr()
    assert main(["homework", "import", str(_write(tmp_path / "bad.toml", broken))]) == 2
    refused(capsys, "the pack in this homework file is not valid: contacts.md:")
    assert not (data_dir / "packs").exists()
    assert not (data_dir / "workbooks" / "default.packs").exists()
    assert not workbook(data_dir).exists()


def test_import_refuses_unsafe_pack_file_names(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _homework_text(tmp_path, "--pack", str(EXAMPLE), "--exercises", "contacts")
    evil = text + '\n"../../evil.md" = "x"\n'
    capsys.readouterr()
    assert main(["homework", "import", str(_write(tmp_path / "bad.toml", evil))]) == 2
    refused(capsys, "not a pack file name")
    assert not (tmp_path / "evil.md").exists() and not (data_dir / "packs").exists()


def test_refusals_leave_an_existing_workbook_unchanged(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, good = new(tmp_path, "--exercises", "valeurs")
    assert main(["homework", "import", str(good)]) == 0
    past = good.read_text("utf-8").replace(f"due = {DUE}", f"due = {PAST}")
    assert main(["homework", "import", str(_write(tmp_path / "old.toml", past))]) == 2
    capsys.readouterr()
    assert main(["homework", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_import_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["homework", "import", str(tmp_path / "nope.toml")]) == 2
    refused(capsys, "no such file")


def test_an_older_embedded_pack_keeps_the_newer_installed_one(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = shutil.copytree(EXAMPLE, tmp_path / "newer")
    manifest = newer / "pack.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('"1.0.0"', '"1.1.0"'), "utf-8")
    assert main(["pack", "install", str(newer)]) == 0
    _, output = new(tmp_path, "--pack", str(EXAMPLE), "--exercises", "contacts")
    assert main(["homework", "import", str(output)]) == 0
    assert 'version = "1.1.0"' in (data_dir / "packs" / "reseau-pro" / "pack.toml").read_text()
    assert not (data_dir / "workbooks" / "default.packs" / "reseau-pro").exists()


def test_list_without_homework(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "homework", "list"]) == 0
    assert "No homework yet" in capsys.readouterr().out


# round trip -------------------------------------------------------------------


def _round_trip(tmp_path: Path, data_dir: Path) -> str:
    """The consultant writes, the beneficiary imports and answers, then exports for them."""
    _, output = new(
        tmp_path,
        "--pack",
        str(EXAMPLE),
        "--exercises",
        "attentes-reseau,valeurs",
        "--message",
        "Pour jeudi",
    )
    assert main(["--lang", "en", "homework", "import", str(output)]) == 0
    library = load_library(load_shipped_pack("en"), data_dir)
    session = WorkbookSession.open(workbook(data_dir), library, language="en", create=False)
    try:
        session.save_answers(
            [
                Answer(AnswerKey("reseau-pro", "attentes-reseau", "contact_cle", ""), "Ana"),
                Answer(AnswerKey("bilan", "valeurs", "pile:autonomie", ""), "essentiel"),
                Answer(AnswerKey("bilan", "demande", "declencheur", ""), "not assigned"),
            ]
        )
    finally:
        session.close()
    returned = tmp_path / "retour.md"
    args = ["--lang", "en", "export", "--scope", "homework", "--for", "consultant"]
    assert main([*args, "--agree-to-share", "--despite-modalites", "--output", str(returned)]) == 0
    assert stat.S_IMODE(returned.stat().st_mode) == 0o600
    return returned.read_text("utf-8")


def test_round_trip_from_new_to_import_to_the_homework_export(
    tmp_path: Path, data_dir: Path
) -> None:
    text = _round_trip(tmp_path, data_dir)
    assert "Mon réseau aujourd'hui" in text and "My values" in text
    assert "Pour jeudi" in text
    assert "Autonomy" in text, "the answers of a shipped exercise travel back"
    assert "not assigned" not in text and "My request" not in text
    library = load_library(load_shipped_pack("en"), data_dir)
    session = WorkbookSession.open(workbook(data_dir), library, language="en", create=False)
    try:
        [consent] = session.workbook.consents()
    finally:
        session.close()
    assert (consent.scope, consent.recipient) == ("homework", "consultant")


def test_the_homework_export_carries_the_answers_of_the_consultants_exercises(
    tmp_path: Path, data_dir: Path
) -> None:
    assert "Ana" in _round_trip(tmp_path, data_dir)


def test_a_due_date_is_typed_as_people_write_it() -> None:
    from bilan_tui.services.homework.create import parse_due

    today = datetime.date(2030, 1, 1)
    assert parse_due("14/03/2030", today) == datetime.date(2030, 3, 14)
    assert parse_due("2030-03-14", today) == datetime.date(2030, 3, 14)
