"""Her modalités name whom she agrees to share with; a copy for anyone else asks twice."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey, ExerciseAnswers, JSONValue
from bilan_tui.domain.parts import Choice, exclusive_ticks
from bilan_tui.export.options import RECIPIENTS
from bilan_tui.export.partage import RECIPIENT_OF_CHOICE, agreement, conflict_lines
from bilan_tui.export.source import ExportSource
from bilan_tui.packs import load_shipped_pack
from bilan_tui.store.repository import open_workbook

CHOICES = (
    Choice("personne", "No one", exclusive=True),
    Choice("consultant", "Consultant"),
    Choice("cep", "CEP"),
)


@pytest.mark.parametrize(
    ("before", "now", "kept"),
    [
        ([], ["consultant"], ["consultant"]),
        (["consultant"], ["consultant", "cep"], ["consultant", "cep"]),
        (["consultant", "cep"], ["personne", "consultant", "cep"], ["personne"]),
        (["personne"], ["personne", "cep"], ["cep"]),
        (["personne", "cep"], ["personne"], ["personne"]),
        (["personne", "cep"], ["personne", "cep"], ["personne", "cep"]),
        (["consultant"], [], []),
    ],
)
def test_no_one_cannot_be_ticked_with_a_recipient(
    before: list[str], now: list[str], kept: list[str]
) -> None:
    assert exclusive_ticks(CHOICES, before, now) == kept


@pytest.mark.parametrize("language", ["fr", "en"])
def test_modalites_and_export_offer_the_same_recipients(language: str) -> None:
    pack = load_shipped_pack(language)
    exercise = pack.exercise("modalites")
    assert exercise is not None
    [partage] = [field for field in exercise.fields if field.id == "partage"]
    ids = [choice.id for choice in partage.choices]
    assert ids[0] == "personne" and partage.choices[0].exclusive
    assert not any(choice.exclusive for choice in partage.choices[1:])
    assert sorted(RECIPIENT_OF_CHOICE[choice] for choice in ids[1:]) == sorted(
        who for who in RECIPIENTS if who != "self"
    )


def source(ticked: list[JSONValue] | None, language: str = "en") -> ExportSource:
    pack = load_shipped_pack(language)
    answers = ExerciseAnswers(pack.id, "modalites")
    if ticked is not None:
        answers.set("partage", ticked)
    return ExportSource(pack=pack, language=language, name="", answers={"modalites": answers})


def test_the_agreement_reads_her_ticks() -> None:
    found = agreement(source(["consultant", "employeur"]))
    assert found is not None and found.answered and not found.nobody
    assert found.recipients == {"consultant", "employer"}
    nobody = agreement(source(["personne", "cep"]))  # saved before the rule: no one wins
    assert nobody is not None and nobody.nobody and nobody.recipients == frozenset()


def test_a_named_recipient_is_no_conflict_and_any_other_is() -> None:
    named = source(["consultant", "financeur"])
    assert conflict_lines(named, "consultant") == []
    assert conflict_lines(named, "funder") == []
    assert conflict_lines(named, "self") == []
    lines = conflict_lines(named, "employer")
    assert lines[0] == (
        "In “How my bilan is arranged”, you agreed to share your results with: "
        "your consultant, the funder of your bilan."
    )
    assert lines[1] == "This copy is for your employer, who is not among them."


def test_no_answer_and_no_one_are_conflicts_for_every_recipient() -> None:
    for recipient in RECIPIENTS[1:]:
        assert "without an answer, it is no one" in conflict_lines(source(None), recipient)[0]
        assert "with no one" in conflict_lines(source(["personne"]), recipient)[0]


@pytest.fixture
def workbook(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workbook "w" whose modalités agree to share with the consultant only."""
    path = data_dir / "workbooks" / "w.sqlite"
    with open_workbook(path, language="en") as opened:
        opened.save_answers([Answer(AnswerKey("bilan", "modalites", "partage"), ["consultant"])])
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    return path


def bilan(*args: str) -> int:
    return main(["--workbook", "w", "--lang", "en", "export", *args])


def consents(workbook: Path) -> list[str]:
    with open_workbook(workbook, create=False) as opened:
        return [consent.recipient for consent in opened.consents()]


def test_a_script_agrees_for_a_recipient_her_modalites_name(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bilan("--for", "consultant", "--agree-to-share") == 0
    assert "not among them" not in capsys.readouterr().out
    assert consents(workbook) == ["consultant"]


def test_a_script_cannot_give_a_copy_her_modalites_refuse_without_a_second_flag(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bilan("--for", "employer", "--agree-to-share") == 2
    captured = capsys.readouterr()
    assert "This copy is for your employer, who is not among them." in captured.out
    assert "add --despite-modalites" in captured.err
    assert list(Path.cwd().iterdir()) == [] and consents(workbook) == []
    assert bilan("--for", "employer", "--agree-to-share", "--despite-modalites") == 0
    assert consents(workbook) == ["employer"]


def test_yes_no_longer_stands_for_her_agreement(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bilan("--for", "consultant", "--yes") == 2
    assert "--yes" in capsys.readouterr().err
    assert list(Path.cwd().iterdir()) == [] and consents(workbook) == []


class Terminal(io.StringIO):
    """Standard input as a person's terminal: her replies, one per line."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("replies", "written"), [("y\nn\n", False), ("y\ny\n", True)])
def test_in_a_terminal_a_conflict_asks_a_second_time(
    workbook: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    replies: str,
    written: bool,
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(replies))
    assert bilan("--for", "cep") == (0 if written else 1)
    out = capsys.readouterr().out
    assert "Do you agree? [y/N] " in out and "Do you still agree to share this copy?" in out
    assert out.index("Do you agree?") < out.index("who is not among them")
    assert bool(list(Path.cwd().iterdir())) is written
    assert consents(workbook) == (["cep"] if written else [])


def test_in_a_terminal_a_named_recipient_is_asked_once(
    workbook: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert bilan("--for", "consultant") == 0
    assert "Do you still agree" not in capsys.readouterr().out
    assert consents(workbook) == ["consultant"]
