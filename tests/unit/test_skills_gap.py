"""A lead's skills gap: stored as codes and her words, counted, and written in both exports."""

from __future__ import annotations

import dataclasses

import pytest

from bilan_tui.domain.answers import (
    POSITION,
    REFERENTIAL_VERSION,
    Answer,
    AnswerKey,
    ExerciseAnswers,
    JSONValue,
    is_known,
    known_field_ids,
)
from bilan_tui.domain.keys import GAP_KEYS
from bilan_tui.domain.skills_gap import (
    GapMark,
    GapState,
    count_state,
    gap_key,
    mark_value,
    marks_of,
    referential_version,
)
from bilan_tui.export.api import render
from bilan_tui.export.detail import orphans
from bilan_tui.export.options import ExportOptions
from bilan_tui.packs import load_shipped_pack
from bilan_tui.referentiel.model import FicheRef
from bilan_tui.services.leads import add_lead, find_lead, holland_code, lead_code
from tests.unit.export_helpers import REFERENCE, source_from

NURSE = FicheRef("J9512", "Infirmier / Infirmière de santé au travail", "I", "S")


def test_a_mark_keeps_the_code_and_her_words_only() -> None:
    value = mark_value(GapState.ACQUIRE, "DIU de santé au travail, en 2026")
    assert value == {"etat": "a-acquerir", "note": "DIU de santé au travail, en 2026"}
    values: dict[str, JSONValue] = {
        "metier": "Infirmière",
        gap_key("123"): value,
        gap_key("456"): mark_value(GapState.HAVE, "dix ans d'entretiens"),
        gap_key("789"): None,  # cleared
        gap_key("000"): {"etat": "nonsense"},  # unreadable: ignored, never a crash
        REFERENTIAL_VERSION: 60,
    }
    assert marks_of(values) == {
        "123": GapMark("123", GapState.ACQUIRE, "DIU de santé au travail, en 2026"),
        "456": GapMark("456", GapState.HAVE, "dix ans d'entretiens"),
    }
    assert count_state(values, GapState.ACQUIRE) == 1
    assert referential_version(values) == 60
    assert referential_version({REFERENTIAL_VERSION: True}) is None


def test_marks_belong_to_the_leads_exercise_not_to_the_orphans() -> None:
    pack = load_shipped_pack("fr")
    leads = pack.exercise("pistes")
    assert leads is not None
    known = known_field_ids(leads)
    assert is_known(leads, gap_key("123"), known)
    assert is_known(leads, REFERENTIAL_VERSION, known)
    assert not is_known(leads, "gone", known)


def test_a_fiche_becomes_a_lead_once() -> None:
    answers = ExerciseAnswers("bilan-fr", "pistes")
    answers.set(POSITION, 0, "old")
    answers.set("metier", "Formatrice", "old")
    entry_id, keys = add_lead(answers, NURSE, 60)
    entry = next(e for e in answers.entries() if e.id == entry_id)
    assert entry.position == 1
    assert entry.values == {
        "metier": "Infirmier / Infirmière de santé au travail",
        "code_rome": "J9512",
        "riasec": "IS",
        REFERENTIAL_VERSION: 60,
    }
    assert ("code_rome", entry_id) in keys and (POSITION, entry_id) in keys
    assert find_lead(answers, " j9512 ") == entry_id
    assert find_lead(answers, "K9207") is None
    assert holland_code(FicheRef("K2111", "Formateur", "S", "")) == "S"
    assert lead_code({"code_rome": " k2111"}) == "K2111"


def _with_gap(language: str) -> list[Answer]:
    pack_id = load_shipped_pack(language).id

    def key(field_id: str) -> AnswerKey:
        return AnswerKey(pack_id, "pistes", field_id, "lead1")

    return [
        Answer(key(POSITION), 0),
        Answer(key("metier"), "Infirmière en santé au travail"),
        Answer(key("code_rome"), "J9512"),
        Answer(key(REFERENTIAL_VERSION), 60),
        Answer(key(gap_key("300")), mark_value(GapState.ACQUIRE, "Le DIU, financé par le CPF")),
        Answer(key(gap_key("100")), mark_value(GapState.HAVE, "Mes entretiens d'accueil")),
        Answer(key(gap_key("200")), mark_value(GapState.NOT_FOR_ME)),
        Answer(key(gap_key("400")), mark_value(GapState.ACQUIRE)),
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_both_exports_say_what_she_lacks_with_labels_in_the_fiche_order(language: str) -> None:
    pack = load_shipped_pack(language)
    source = source_from(pack, _with_gap(language), language=language)
    labels = {
        "400": "Droit du travail",
        "300": "Réaliser une visite d'information",
        "100": "Mener un entretien",
    }
    source = dataclasses.replace(source, referential_labels=labels)
    options = ExportOptions(scope="detail", format="md", generated_on=REFERENCE)
    detail = render(source, options).text
    synthesis = render(source, dataclasses.replace(options, scope="synthese")).text
    heading = (
        "Ce qui me manque pour ce métier, et comment je compte l'acquérir"
        if language == "fr"
        else "What I lack for this occupation, and how I mean to acquire it"
    )
    cited = (
        "Source : France Travail, ROME 4.0, version 60."
        if language == "fr"
        else "Source: France Travail, ROME 4.0, version 60."
    )
    for text in (detail, synthesis):
        assert heading in text
        assert "Infirmière en santé au travail (J9512)" in text
        assert "Le DIU, financé par le CPF" in text
        assert cited.replace(" :", "\u00a0:") in text or cited in text
        # the fiche's order (the caller's labels), not the codes' order
        assert text.index("Droit du travail") < text.index("Réaliser une visite d'information")
    assert "Mes entretiens d'accueil" in detail and "Mes entretiens d'accueil" not in synthesis
    assert "Mener un entretien" in detail and "Mener un entretien" not in synthesis
    assert "200" in detail  # not for me, no label known: the code stands in
    assert orphans(source) == {}  # the marks are not "answers no longer in the pack"


def test_without_the_referential_the_codes_stand_in() -> None:
    pack = load_shipped_pack("fr")
    source = source_from(pack, _with_gap("fr"), language="fr")
    text = render(source, ExportOptions(scope="synthese", format="md")).text
    assert "compétence n° 300 (libellé dans le référentiel ROME)" in text
    assert "Le DIU, financé par le CPF" in text


def test_no_marks_no_section() -> None:
    pack = load_shipped_pack("en")
    answers = [a for a in _with_gap("en") if not GAP_KEYS.owns(a.key.field_id)]
    text = render(source_from(pack, answers), ExportOptions(scope="detail", format="md")).text
    assert "What I lack" not in text


def test_the_json_export_keeps_every_mark() -> None:
    import json

    pack = load_shipped_pack("en")
    source = dataclasses.replace(
        source_from(pack, _with_gap("en")), referential_labels={"300": "Visits"}
    )
    data = json.loads(render(source, ExportOptions(scope="detail", format="json")).text)
    leads = next(exercise for exercise in data["exercises"] if exercise["id"] == "pistes")
    gap = leads["entries"][0]["skills_gap"]
    assert gap["version"] == 60
    assert {mark["code"]: mark["state"] for mark in gap["marks"]} == {
        "100": "je-l-ai",
        "200": "pas-pour-moi",
        "300": "a-acquerir",
        "400": "a-acquerir",
    }
    visits = next(mark for mark in gap["marks"] if mark["code"] == "300")
    assert visits == {
        "code": "300",
        "state": "a-acquerir",
        "note": "Le DIU, financé par le CPF",
        "label": "Visits",
    }
