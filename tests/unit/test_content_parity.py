"""The shipped pack: both languages valid, identical in structure, no empty text."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from typing import Any

import pytest

from bilan_tui.domain.model import Exercise, Pack
from bilan_tui.packs import check_pack, load_shipped_pack, shipped_pack_root

EXPECTED_ORDER = {
    "preliminaire": ["demande", "situation", "modalites", "ligne-de-vie"],
    "investigation": [
        "parcours",
        "realisations",
        "competences",
        "aptitudes",
        "interets",
        "valeurs",
        "motivations",
        "environnement",
        "contraintes",
        "entourage",
        "pistes",
        "enquetes",
        "comparaison",
    ],
    "conclusions": [
        "appropriation",
        "projet",
        "conditions",
        "plan-action",
        "bilan-questions",
        "suivi",
        "synthese-consultant",
        "evaluation",
        "entretien-suivi",
    ],
}
TEXT_ATTRIBUTES = {
    "title",
    "label",
    "text",
    "description",
    "help",
    "placeholder",
    "guidance",
    "summary",
    "entry_label",
    "min_label",
    "max_label",
    "labels",
    "pair_labels",
    "versus_text",
    "also",
}


def structure(value: Any) -> Any:
    """Everything but the human-readable text, recursively."""
    if isinstance(value, tuple):
        return tuple(structure(item) for item in value)
    if hasattr(value, "__dataclass_fields__"):
        shape: dict[str, Any] = {}
        for field in dataclass_fields(value):
            if field.name in TEXT_ATTRIBUTES | {"path", "pack_id"}:
                if field.name in ("labels", "pair_labels"):
                    shape[field.name] = len(getattr(value, field.name))
                continue
            shape[field.name] = structure(getattr(value, field.name))
        return shape
    return value


def texts(value: Any, where: str = "") -> list[tuple[str, str]]:
    """Every human-readable text with where it is."""
    found: list[tuple[str, str]] = []
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            found += texts(item, f"{where}[{index}]")
    elif hasattr(value, "__dataclass_fields__"):
        for field in dataclass_fields(value):
            item = getattr(value, field.name)
            if field.name in {"title", "label", "text"} or (field.name == "versus_text" and item):
                found.append((f"{where}.{field.name}", item))
            elif isinstance(item, tuple):
                found += texts(item, f"{where}.{field.name}")
    return found


@pytest.fixture(scope="module")
def packs() -> dict[str, Pack]:
    return {language: load_shipped_pack(language) for language in ("fr", "en")}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_shipped_pack_checks_clean(language: str) -> None:
    assert check_pack(shipped_pack_root(language)) == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_26_exercises_in_their_contractual_order(packs: dict[str, Pack], language: str) -> None:
    pack = packs[language]
    assert {phase.id: [ex.id for ex in phase.exercises] for phase in pack.phases} == EXPECTED_ORDER
    assert pack.language == language


def test_both_languages_have_identical_structure(packs: dict[str, Pack]) -> None:
    for french, english in zip(packs["fr"].exercises, packs["en"].exercises, strict=True):
        assert structure(french) == structure(english), french.id


def test_no_empty_text_and_every_exercise_has_guidance(packs: dict[str, Pack]) -> None:
    for pack in packs.values():
        for exercise in pack.exercises:
            assert len(exercise.guidance.split()) >= 120, (pack.language, exercise.id)
            assert exercise.summary.strip(), (pack.language, exercise.id)
            for where, text in texts(exercise, exercise.id):
                assert text.strip(), (pack.language, where)


def test_texts_differ_between_languages(packs: dict[str, Pack]) -> None:
    """A forgotten translation shows up as an identical guidance."""
    for french, english in zip(packs["fr"].exercises, packs["en"].exercises, strict=True):
        assert french.guidance != english.guidance, french.id


def _exercise(pack: Pack, exercise_id: str) -> Exercise:
    exercise = pack.exercise(exercise_id)
    assert exercise is not None
    return exercise


def test_item_counts_required_by_the_method(packs: dict[str, Pack]) -> None:
    pack = packs["fr"]
    interets = _exercise(pack, "interets")
    assert [d.letter for d in interets.dimensions] == list("RIASEC")
    assert len(interets.items) == 48
    for dimension in interets.dimensions:
        assert sum(item.dimension == dimension.id for item in interets.items) == 8
    aptitudes = _exercise(pack, "aptitudes")
    assert len(aptitudes.dimensions) >= 8
    for dimension in aptitudes.dimensions:
        assert sum(item.dimension == dimension.id for item in aptitudes.items) >= 4
    motivations = _exercise(pack, "motivations")
    assert len(motivations.dimensions) == 8
    for dimension in motivations.dimensions:
        assert sum(item.dimension == dimension.id for item in motivations.items) >= 4
    assert 20 <= len(_exercise(pack, "valeurs").cards) <= 30
    assert len(_exercise(pack, "competences").items) >= 40


def test_sensitive_fields_are_optional_and_private(packs: dict[str, Pack]) -> None:
    contraintes = _exercise(packs["fr"], "contraintes")
    for field_id in ("limites_fonctionnelles", "contraintes_familiales"):
        field = contraintes.field(field_id)
        assert field is not None and field.private and not field.required
