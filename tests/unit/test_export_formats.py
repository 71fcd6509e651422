"""HTML that loads nothing, JSON that holds everything, files that stay private."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bilan_tui.export.api import file_name, render, write
from bilan_tui.export.files import ExportExists, write_new, write_numbered
from bilan_tui.export.json_export import SCHEMA, SCHEMA_VERSION
from bilan_tui.export.options import ExportOptions
from bilan_tui.packs import load_shipped_pack
from tests.unit.export_helpers import REFERENCE, answer, demo_source, source_from

REMOTE = ("href=", "src=", "url(", "@import", "<link", "<script", "<img", "<iframe", "<object")


@pytest.mark.parametrize("scope", ["synthese", "detail"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_html_is_one_self_contained_page(scope: str, language: str) -> None:
    options = ExportOptions(scope=scope, format="html", generated_on=REFERENCE)
    page = render(demo_source(language), options).text
    assert page.startswith("<!DOCTYPE html>")
    assert f'<html lang="{language}">' in page
    lowered = page.lower()
    for reference in REMOTE:
        assert reference not in lowered, reference
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "@media print" in page


def test_json_detail_holds_every_exercise_answer_and_score() -> None:
    options = ExportOptions(scope="detail", format="json", generated_on=REFERENCE)
    data = json.loads(render(demo_source("en"), options).text)
    assert (data["schema"], data["schema_version"]) == (SCHEMA, SCHEMA_VERSION)
    assert data["generated_on"] == "2025-03-14"
    assert data["language"] == "en" and data["beneficiary"] == "Nadia F."
    exercises = {exercise["id"]: exercise for exercise in data["exercises"]}
    assert len(exercises) == 25  # every exercise but the evaluation, exported on its own
    assert len(exercises["interets"]["results"]["code"]) == 3
    assert exercises["valeurs"]["results"]["top"][0]["definition"]
    assert exercises["comparaison"]["results"]["options"][0]["rank"] == 1
    assert exercises["realisations"]["entries"][0]["fields"]
    situation = {field["id"] for field in exercises["situation"]["fields"]}
    assert "poste" in situation and "satisfaction_sante" not in situation
    assert data["hours"]["entries"] and data["hours"]["budget_hours"] == 24
    assert data["answers_no_longer_in_pack"] == {"withheld": 0, "answers": []}


def test_json_keeps_private_fields_when_asked() -> None:
    options = ExportOptions(scope="detail", format="json", include_private=True)
    data = json.loads(render(demo_source("en"), options).text)
    situation = {
        f["id"]: f for e in data["exercises"] if e["id"] == "situation" for f in e["fields"]
    }
    assert situation["satisfaction_sante"]["value"] == 5


def test_json_synthesis_lists_its_sections() -> None:
    options = ExportOptions(scope="synthese", format="json", generated_on=REFERENCE)
    data = json.loads(render(demo_source("fr"), options).text)
    assert [section["id"] for section in data["synthesis"]] == [
        "summary",
        "circumstances",
        "competencies",
        "interests",
        "project",
        "conditions",
        "steps",
        "questions",
        "consultant",
        "observations",
        "appendix_hours",
        "confidentiality",
    ]
    assert data["synthesis"][0]["markdown"].startswith("## En bref")
    assert data["synthesis"][1]["markdown"].startswith("## 1. Le cadre du bilan")
    assert "exercises" not in data


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_exports_are_readable_by_their_owner_only(tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        written = write_new(tmp_path / "out.md", "text")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert written.read_text(encoding="utf-8") == "text"


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "synthese.md"
    target.write_text("the person's earlier copy", encoding="utf-8")
    with pytest.raises(ExportExists):
        write_new(target, "new text")
    assert target.read_text(encoding="utf-8") == "the person's earlier copy"
    first = write_numbered(tmp_path, "synthese.md", "new text")
    second = write_numbered(tmp_path, "synthese.md", "newer text")
    assert (first.name, second.name) == ("synthese-2.md", "synthese-3.md")
    assert target.read_text(encoding="utf-8") == "the person's earlier copy"


def test_writing_into_a_folder_uses_the_default_name(tmp_path: Path) -> None:
    source = source_from(load_shipped_pack("en"), [answer("bilan", "demande", "attentes", "x")])
    options = ExportOptions(recipient="consultant", format="html", generated_on=REFERENCE)
    rendered = render(source, options)
    assert file_name(source, options) == "test-synthesis-consultant-2025-03-14.html"
    written = write(rendered, source, tmp_path)
    assert written == tmp_path / "test-synthesis-consultant-2025-03-14.html"
    assert written.read_text(encoding="utf-8") == rendered.text


@pytest.mark.parametrize(
    ("language", "scope", "recipient", "expected"),
    [
        ("en", "synthese", "self", "test-synthesis-2025-03-14.md"),
        ("en", "detail", "employer", "test-detailed-results-employer-2025-03-14.md"),
        ("en", "homework", "other", "test-homework-other-2025-03-14.md"),
        ("fr", "synthese", "self", "test-synthese-2025-03-14.md"),
        ("fr", "detail", "employer", "test-detail-employeur-2025-03-14.md"),
        ("fr", "homework", "other", "test-devoirs-autre-2025-03-14.md"),
    ],
)
def test_file_names_are_in_the_documents_language(
    language: str, scope: str, recipient: str, expected: str
) -> None:
    source = source_from(load_shipped_pack(language), [])
    options = ExportOptions(scope=scope, recipient=recipient, generated_on=REFERENCE)
    assert file_name(source, options) == expected


def test_the_export_package_stays_headless() -> None:
    code = (
        "import sys\n"
        "import bilan_tui.export.api, bilan_tui.export.consent, bilan_tui.export.html\n"
        "print('\\n'.join(sys.modules))\n"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert not {"textual", "sqlmodel", "sqlalchemy"} & loaded
