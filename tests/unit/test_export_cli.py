"""``bilan export``: files in the current folder, never overwritten, consent for others."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.repository import open_workbook

TYPED = "# Not a title\n<script>alert(1)</script> [link](http://example.com) *stars*"


@pytest.fixture
def workbook(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workbook "w" with a few answers; the commands run from an empty folder."""
    path = data_dir / "workbooks" / "w.sqlite"
    with open_workbook(path, language="en") as opened:
        opened.save_answers(
            [
                Answer(AnswerKey("bilan", "demande", "declencheur"), TYPED),
                Answer(AnswerKey("bilan", "situation", "satisfaction_sante"), 3),
            ]
        )
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    return path


def bilan(*args: str) -> int:
    return main(["--workbook", "w", "--lang", "en", "export", *args])


def files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def consents(workbook: Path) -> list[str]:
    with open_workbook(workbook, create=False) as opened:
        return [f"{c.recipient}/{c.scope}/{c.format}" for c in opened.consents()]


def test_export_writes_a_private_file_in_the_current_folder(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bilan() == 0
    [name] = files(Path.cwd())
    assert name.startswith("w-synthesis-") and name.endswith(".md")
    written = Path.cwd() / name
    assert f"Written: {written}" in capsys.readouterr().out
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = written.read_text(encoding="utf-8")
    # No consultant's part yet: the document says it is a draft.
    assert text.startswith("# Draft for the synthesis\n")
    assert "\\# Not a title" in text and "\\<script>" in text
    assert consents(workbook) == []


def test_a_second_export_gets_a_new_name_and_a_chosen_name_is_never_overwritten(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bilan("--format", "html") == 0
    assert bilan("--format", "html") == 0
    names = files(Path.cwd())
    [first] = [name for name in names if not name.endswith("-2.html")]
    assert names == sorted([first, first.removesuffix(".html") + "-2.html"])
    target = Path.cwd() / "mine.html"
    target.write_text("keep me", encoding="utf-8")
    capsys.readouterr()
    assert bilan("--output", "mine.html") == 2
    assert "mine.html already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_html_keeps_typed_markup_as_text(workbook: Path) -> None:
    assert bilan("--scope", "detail", "--format", "html", "--output", "d.html") == 0
    page = (Path.cwd() / "d.html").read_text(encoding="utf-8")
    assert "# Not a title<br />" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [link](http://example.com) *stars*" in page
    assert "<script" not in page and "href=" not in page


def test_private_answers_need_include_private(workbook: Path) -> None:
    assert bilan("--scope", "detail", "--format", "json", "--output", "a.json") == 0
    private = ("--include-private", "--output", "b.json")
    assert bilan("--scope", "detail", "--format", "json", *private) == 0

    def situation(name: str) -> dict[str, object]:
        data = json.loads((Path.cwd() / name).read_text(encoding="utf-8"))
        [found] = [e for e in data["exercises"] if e["id"] == "situation"]
        return {field["id"]: field["value"] for field in found["fields"]}

    assert "satisfaction_sante" not in situation("a.json")
    assert situation("b.json")["satisfaction_sante"] == 3


def test_an_export_for_someone_else_without_a_terminal_needs_yes(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bilan("--for", "consultant") == 2
    captured = capsys.readouterr()
    assert "This export is for: your consultant." in captured.out
    assert "It contains: your synthesis document (Markdown)." in captured.out
    assert "needs your agreement" in captured.err
    assert files(Path.cwd()) == [] and consents(workbook) == []


def test_with_yes_the_consent_is_recorded_and_listed_by_status(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        bilan(
            "--for",
            "employer",
            "--scope",
            "detail",
            "--format",
            "html",
            "--agree-to-share",
            "--despite-modalites",
        )
        == 0
    )
    [name] = files(Path.cwd())
    assert "-detailed-results-employer-" in name
    assert consents(workbook) == ["employer/detail/html"]
    capsys.readouterr()
    assert main(["--workbook", "w", "status", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)["consents"]
    assert listed["recipient"] == "employer" and listed["scope"] == "detail"
    assert listed["path"] == str(Path.cwd() / name) and listed["date"]


@pytest.mark.parametrize(("reply", "status", "written"), [("y", 0, 1), ("n", 1, 0), ("", 1, 0)])
def test_the_person_is_asked_in_a_terminal(
    workbook: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    reply: str,
    status: int,
    written: int,
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or reply)
    assert bilan("--for", "cep") == status
    # Her modalités say nothing: a yes is asked again, as for anyone they do not name.
    second = ["Do you still agree to share this copy? [y/N] "] if reply == "y" else []
    assert asked == ["Do you agree? [y/N] ", *second]
    assert len(files(Path.cwd())) == written
    assert len(consents(workbook)) == written


def test_homework_without_an_assignment_is_refused(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bilan("--scope", "homework") == 2
    assert "there is no homework to export" in capsys.readouterr().err
    assert files(Path.cwd()) == []


def test_a_missing_workbook_or_folder_is_a_usage_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workbook", "nobody", "--lang", "en", "export"]) == 2
    assert "no workbook named nobody" in capsys.readouterr().err
    assert not (data_dir / "workbooks" / "nobody.sqlite").exists()
    out = str(tmp_path / "missing" / "x.md")
    assert main(["--workbook", "nobody", "--lang", "en", "export", "--output", out]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_the_evaluation_exports_on_its_own_and_refuses_a_choice_of_parts(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_workbook(workbook, create=False) as opened:
        opened.save_answers(
            [
                Answer(AnswerKey("bilan", "evaluation", "utilite"), 7),
                Answer(AnswerKey("bilan", "evaluation", "manques"), "More on funding."),
            ]
        )
    for format_ in ("md", "html", "json"):
        assert bilan("--scope", "evaluation", "--format", format_) == 0
    names = files(Path.cwd())
    assert [name.split("-")[1] for name in names] == ["evaluation"] * 3
    md = next(Path.cwd() / name for name in names if name.endswith(".md"))
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Evaluation of the bilan\n")
    assert "7/10" in text and "More on funding." in text
    assert TYPED.splitlines()[0][2:] not in text  # her request is not in it
    data = json.loads(
        next(Path.cwd() / name for name in names if name.endswith(".json")).read_text("utf-8")
    )
    assert [exercise["id"] for exercise in data["exercises"]] == ["evaluation"]
    # ... and it is in no synthesis.
    assert bilan("--output", "synthese.md") == 0
    assert "More on funding." not in (Path.cwd() / "synthese.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert bilan("--scope", "evaluation", "--content", "all") == 2
    assert "--content does not go with --scope evaluation" in capsys.readouterr().err
    assert len(files(Path.cwd())) == 4


def test_the_evaluation_for_the_organisation_records_her_agreement(workbook: Path) -> None:
    args = ("--scope", "evaluation", "--for", "consultant", "--agree-to-share")
    assert bilan(*args, "--despite-modalites") == 0
    assert consents(workbook) == ["consultant/evaluation/md"]
