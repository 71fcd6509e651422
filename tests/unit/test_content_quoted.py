"""Fields the synthesis quotes say so, and private financial and life details are private.

The synthesis is a document the person may hand over: a free-text answer it
quotes word for word carries the help line "La synthèse reprend ce champ :
restez général." The fields that get it are found by rendering the synthesis,
not listed by hand, so a field the synthesis starts quoting without warning
fails here (and so does a warning on a field it no longer quotes).
"""

from __future__ import annotations

from functools import cache

import pytest

from bilan_tui.domain.answers import POSITION, Answer, JSONValue
from bilan_tui.domain.keys import RATING_KEYS
from bilan_tui.domain.model import Kind, Pack
from bilan_tui.domain.parts import FieldType
from bilan_tui.domain.scoring.grid import tag_item_key
from bilan_tui.export.api import render
from bilan_tui.export.options import ExportOptions
from bilan_tui.packs import load_shipped_pack
from tests.unit.export_helpers import answer, source_from

QUOTED = {
    "fr": "La synthèse reprend ce champ : restez général.",
    "en": "The synthesis quotes this field: keep it general.",
}
TAG = "zqtagq"


@cache
def quoted_fields(language: str, skip: str = "") -> frozenset[tuple[str, str]]:
    """(exercise id, field id) of the text fields whose answer the synthesis shows.

    ``skip`` leaves one exercise unanswered: some fields are quoted only when
    another says nothing (the comparison's plan B when "Mon projet" has none).
    """
    pack = load_shipped_pack(language)
    answers: list[Answer] = []
    markers: dict[str, tuple[str, str]] = {}
    for exercise in pack.exercises:
        if exercise.id == skip:
            continue
        entry = "e1" if exercise.kind is Kind.RECORDS else ""
        if entry:
            answers.append(answer(pack.id, exercise.id, POSITION, 0, entry))
        for field in exercise.fields:
            if field.type in (FieldType.TEXT, FieldType.LONGTEXT):
                marker = f"zq{len(markers):04d}q"
                markers[marker] = (exercise.id, field.id)
                answers.append(answer(pack.id, exercise.id, field.id, marker, entry))
            elif field.type is FieldType.TAGS:
                answers.append(answer(pack.id, exercise.id, field.id, [TAG], entry))
        if exercise.kind is Kind.GRID:
            answers.append(answer(pack.id, exercise.id, RATING_KEYS.key(tag_item_key(TAG)), [3, 3]))
        answers.extend(applying(pack, exercise.id))
    text = render(source_from(pack, answers), ExportOptions(scope="synthese")).text
    return frozenset(where for marker, where in markers.items() if marker in text)


def applying(pack: Pack, exercise_id: str) -> list[Answer]:
    """Answers that make every conditional question of an exercise apply.

    An export leaves out the answer of a question that does not apply, so a
    question is quoted only when its condition holds: its parent choice is
    given one of the values the condition names.
    """
    exercise = pack.exercise(exercise_id)
    assert exercise is not None
    found = []
    for field in exercise.fields:
        when = field.when
        if when is None or when.negate or not when.values:
            continue
        where = when.exercise or exercise_id
        parent = pack.exercise(where)
        parent_field = parent.field(when.field) if parent else None
        assert parent_field is not None
        value: JSONValue = when.values[0]
        if parent_field.type is FieldType.MULTICHOICE:
            value = [when.values[0]]
        found.append(answer(pack.id, where, when.field, value))
    return found


def warned(pack: Pack) -> set[tuple[str, str]]:
    return {
        (exercise.id, field.id)
        for exercise in pack.exercises
        for field in exercise.fields
        if QUOTED[pack.language] in field.help
    }


def cited_titles(pack: Pack) -> set[tuple[str, str]]:
    """Summary fields of the stories a grid cites as evidence (their titles are quoted)."""
    found = set()
    for exercise in pack.exercises:
        if exercise.kind is Kind.GRID and exercise.source is not None:
            stories = pack.exercise(exercise.source.exercise)
            if stories is not None:
                found.update((stories.id, field_id) for field_id in stories.summary_fields)
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_free_text_the_synthesis_quotes_carries_the_warning(language: str) -> None:
    pack = load_shipped_pack(language)
    quoted = quoted_fields(language) | quoted_fields(language, skip="projet")
    expected = {
        (exercise.id, field.id)
        for exercise in pack.exercises
        for field in exercise.fields
        if (exercise.id, field.id) in quoted
        and not field.private
        and (field.type is FieldType.LONGTEXT or (exercise.id, field.id) in cited_titles(pack))
    }
    assert ("demande", "declencheur") in expected
    assert ("realisations", "titre") in expected
    assert warned(pack) == expected


@pytest.mark.parametrize("language", ["fr", "en"])
def test_money_and_life_events_about_health_or_family_are_private(language: str) -> None:
    pack = load_shipped_pack(language)
    for exercise_id, field_id in (
        ("contraintes", "revenu_minimum"),
        ("contraintes", "marge_financiere_mois"),
        ("conditions", "solde_cpf"),
        ("conditions", "revenus_transition"),
    ):
        assert pack.exercise(exercise_id).field(field_id).private, (exercise_id, field_id)
    domaine = pack.exercise("ligne-de-vie").field("domaine")
    assert {choice.id for choice in domaine.choices if choice.private} == {"famille", "sante"}
