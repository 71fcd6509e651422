"""What a copy holds: the recipient's default parts, the person's own choice, the list shown.

An employer reads the competencies, the project and the steps; no copy for
someone else holds, by default, the person's constraints or other people's
words (feedback, interviews). A part left out leaves no trace: not its
heading, not a citation drawn from it under another part.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.export.api import render
from bilan_tui.export.consent import describe
from bilan_tui.export.contents import DEFAULTS, EVERYTHING, PART_IDS, parse_parts, part_of
from bilan_tui.export.options import ExportOptions
from bilan_tui.export.phrases_en import EN
from bilan_tui.packs import load_shipped_pack
from bilan_tui.store.repository import open_workbook
from tests.unit.export_helpers import REFERENCE, demo_source
from tests.unit.privacy_helpers import marked_answers

PERSONAL = {"feedback", "interviews", "constraints"}


def synthesis(recipient: str, content: frozenset[str] | None = None, language: str = "en") -> str:
    options = ExportOptions(recipient=recipient, generated_on=REFERENCE, content=content)
    return render(demo_source(language), options).text


def headings(text: str) -> list[str]:
    return [line.lstrip("# ") for line in text.splitlines() if line.startswith("## ")]


def test_every_shipped_exercise_belongs_to_a_named_part() -> None:
    for language in ("fr", "en"):
        pack = load_shipped_pack(language)
        owners = {part_of(exercise.ref) for exercise in pack.exercises}
        # The evaluation belongs to no copy's parts: only its own export holds it.
        assert owners == (EVERYTHING - {"extra"}) | {"evaluation"}


def test_no_default_copy_for_someone_else_holds_constraints_or_other_peoples_words() -> None:
    assert DEFAULTS["self"] == EVERYTHING
    for recipient in ("consultant", "cep", "employer", "other"):
        assert not DEFAULTS[recipient] & PERSONAL, recipient
        assert {"competencies", "project", "steps"} <= DEFAULTS[recipient], recipient


def test_the_employers_synthesis_holds_competencies_project_and_steps_only() -> None:
    text = synthesis("employer")
    assert headings(text) == [
        "At a glance",
        "1. Competencies and aptitudes",
        "2. The professional project",
        "3. The main steps",
        "4. The consultant's synthesis",
        "Confidentiality",
    ]
    assert (
        "This copy holds only part of the bilan, chosen by Nadia F.: competencies and "
        "aptitudes; the project and the leads; the action plan and follow-up; the part "
        "written by the consultant." in text
    )
    own = synthesis("self")
    for heading in (EN["feedback"], EN["interviews"], EN["constraints"], EN["request"]):
        assert f"### {heading}" in own
        assert f"### {heading}" not in text
    # The feedback of people around her is not cited under her strengths either.
    assert "feedback from" in own and "feedback from" not in text


def test_the_consultants_synthesis_keeps_the_request_but_not_personal_parts() -> None:
    text = synthesis("consultant")
    assert f"### {EN['request']}" in text
    assert f"### {EN['feedback']}" not in text and f"### {EN['constraints']}" not in text
    assert "feedback from" not in text


def test_the_person_chooses_the_parts_and_can_give_everything() -> None:
    everything = synthesis("employer", EVERYTHING)
    assert "This copy holds only part" not in everything
    assert "Nadia F. chose to share this document with their employer" in everything
    assert headings(everything)[:-1] == headings(synthesis("self"))[:-1]
    chosen = synthesis("cep", frozenset({"steps"}), language="fr")
    assert headings(chosen) == ["En bref", "1. Les principales étapes", "Confidentialité"]


def test_the_detailed_results_hold_the_exercises_of_the_chosen_parts() -> None:
    options = ExportOptions(scope="detail", format="json", recipient="employer")
    data = json.loads(render(demo_source("en"), options).text)
    assert data["content"] == ["competencies", "project", "steps", "consultant"]
    ids = [exercise["id"] for exercise in data["exercises"]]
    assert ids == [
        "realisations",
        "competences",
        "aptitudes",
        "pistes",
        "comparaison",
        "projet",
        "plan-action",
        "suivi",
        "synthese-consultant",
        "entretien-suivi",
    ]
    assert "hours" not in data and "consents" not in data


def test_parts_are_read_from_the_command_line_or_refused() -> None:
    assert parse_parts("all") == EVERYTHING
    assert parse_parts(" project, steps ") == frozenset({"project", "steps"})
    for wrong in ("", "project,nope", "everything"):
        with pytest.raises(ValueError):
            parse_parts(wrong)
    with pytest.raises(ValueError, match="unknown part: nope"):
        ExportOptions(content=frozenset({"nope"}))


def test_the_list_shown_before_agreeing_names_what_is_held_and_left_out() -> None:
    lines = describe(ExportOptions(recipient="other"))
    held = lines.index("Parts of the bilan included:")
    left = lines.index("Parts left out:")
    assert lines[held + 1 : left] == [
        "  + your competencies, the stories behind them, your aptitudes",
        "  + your project, your leads and how they compare",
        "  + your action plan and the follow-up",
        "  + the part written by the person who accompanies you",
    ]
    assert len(lines[left + 1 :]) == len(PART_IDS) - 4 + 1  # and the closing sentence
    assert "Parts left out:" not in describe(ExportOptions(recipient="other", content=EVERYTHING))
    assert "Parts of the bilan included:" not in describe(ExportOptions(scope="homework"))


def test_the_command_line_takes_content_and_refuses_unknown_parts(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = load_shipped_pack("en")
    with open_workbook(data_dir / "workbooks" / "w.sqlite", language="en") as opened:
        opened.save_answers(marked_answers(pack, "ct").answers)
    common = [
        "--workbook",
        "w",
        "--lang",
        "en",
        "export",
        "--for",
        "employer",
        "--agree-to-share",
        "--despite-modalites",
    ]
    wrong = tmp_path / "wrong.md"
    assert main([*common, "--content", "project,health", "--output", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert "unknown part of the bilan: health (choose among: request, situation" in err
    assert not wrong.exists()
    target = tmp_path / "steps.json"
    args = ["--scope", "detail", "--format", "json", "--content", "steps"]
    assert main([*common, *args, "--output", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Parts of the bilan included:\n  + your action plan and the follow-up\n" in out
    assert "To change what it holds, add --content with the parts you want: request," in out
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [exercise["id"] for exercise in data["exercises"]] == [
        "plan-action",
        "suivi",
        "entretien-suivi",
    ]
