"""French spacing in the typeset documents: no-break spaces where French wants them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.export.api import render
from bilan_tui.export.french_typography import NARROW_NBSP, NBSP, typeset_french
from bilan_tui.export.options import ExportOptions
from tests.unit.export_helpers import REFERENCE, demo_source
from tests.unit.page_readers import pdf_pages


@pytest.mark.parametrize(
    ("typed", "typeset"),
    [
        ("Pourquoi ?", f"Pourquoi{NARROW_NBSP}?"),
        ("Oui ! Non ; peut-être", f"Oui{NARROW_NBSP}! Non{NARROW_NBSP}; peut-être"),
        ("Objectif : changer", f"Objectif{NBSP}: changer"),
        ("« mot »", f"«{NBSP}mot{NBSP}»"),
        ("«mot»", f"«{NBSP}mot{NBSP}»"),
        (f"«{NBSP}déjà{NBSP}»", f"«{NBSP}déjà{NBSP}»"),
        ("trop   d'espaces   ?", f"trop   d'espaces{NARROW_NBSP}?"),
        ("https://exemple.fr/?q=1 à 10:30", "https://exemple.fr/?q=1 à 10:30"),
        ("ligne\n? suivante", "ligne\n? suivante"),
        ("sans ponctuation", "sans ponctuation"),
    ],
)
def test_spaces_before_high_punctuation_and_inside_guillemets_do_not_break(
    typed: str, typeset: str
) -> None:
    assert typeset_french(typed) == typeset


@given(st.text())
def test_only_spaces_change_and_applying_twice_changes_nothing(text: str) -> None:
    once = typeset_french(text)
    spaces = {" ", NBSP, NARROW_NBSP, "\u2009"}
    assert [c for c in once if c not in spaces] == [c for c in text if c not in spaces]
    assert typeset_french(once) == once


def test_the_french_pdf_keeps_accents_guillemets_and_no_break_spaces() -> None:
    data = render(
        demo_source("fr", REFERENCE), ExportOptions(format="pdf", generated_on=REFERENCE)
    ).data
    assert data is not None
    text = "\n".join(pdf_pages(data))
    assert "Compétences et aptitudes" in text
    assert f"«{NBSP}" in text and f"{NBSP}»" in text
    assert f"{NARROW_NBSP}?" in text and f"{NBSP}:" in text
    assert " ?" not in text and "« " not in text
