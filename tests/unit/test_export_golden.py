"""Golden files: the demo's synthesis, detailed results and follow-up report, in French and English.

The demo and the documents are dated around a fixed day, so the files are
stable. When the demo or the wording changes on purpose, read the diff, then
regenerate with ``BILAN_UPDATE_GOLDEN=1 pytest tests/unit/test_export_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilan_tui.export.api import render
from bilan_tui.export.options import ExportOptions
from tests.unit.export_helpers import REFERENCE, demo_source

GOLDEN = Path(__file__).parent.parent / "golden" / "export"


@pytest.mark.parametrize("scope", ["synthese", "detail", "suivi"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_demo_documents_match_their_golden_files(scope: str, language: str) -> None:
    options = ExportOptions(scope=scope, format="md", generated_on=REFERENCE)
    text = render(demo_source(language), options).text
    golden = GOLDEN / f"demo-{scope}-{language}.md"
    if os.environ.get("BILAN_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"missing {golden}: run with BILAN_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_demo_synthesis_reads_as_prose_not_as_test_scores(language: str) -> None:
    """Self-ratings are not test scores, and the hexagon is not a word for the reader."""
    options = ExportOptions(scope="synthese", format="md", generated_on=REFERENCE)
    text = render(demo_source(language), options).text
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert "/100" not in text
    assert "Holland" not in text and "hexag" not in text
    near = "Presque à égalité : entreprenant (31) et conventionnel (28)."
    assert (
        near if language == "fr" else "Almost equal: enterprising (31) and conventional (28)."
    ) in text
