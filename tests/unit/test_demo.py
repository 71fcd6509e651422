"""The demo's content: every exercise answered, every value valid for its field.

The validator below checks each answer as the interface would have let the
person type it: a known key, a value of the field's type and range.
"""

from __future__ import annotations

import datetime
from collections import Counter

import pytest

from bilan_tui.domain.answers import (
    CUSTOM_ITEMS,
    POSITION,
    RANK,
    JSONValue,
    is_empty,
    is_known,
    known_field_ids,
)
from bilan_tui.domain.keys import (
    DEFINITION_KEYS,
    ITEM_KEYS,
    PILE_KEYS,
    RATING_KEYS,
    SCORE_KEYS,
    WEIGHT_KEYS,
)
from bilan_tui.domain.model import Exercise, ExerciseStatus, Kind, Pack
from bilan_tui.domain.parts import Field, FieldType
from bilan_tui.domain.scoring import grid_items, quadrants, read_ratings
from bilan_tui.domain.text import clean_text
from bilan_tui.services.demo import data as demo_data
from bilan_tui.services.demo.data import DemoDataError
from bilan_tui.services.demo.script import DemoScript, demo_script

from .demo_helpers import REFERENCE, answers_of

PENDING = "entretien-suivi"
"""Recorded on the day of the follow-up interview, six months after the demo's bilan."""

# Validity ----------------------------------------------------------------------


def field_problem(field: Field, value: JSONValue) -> str | None:
    """Why ``value`` could not have been typed in ``field``, or ``None``."""
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.LONGTEXT):
        if not isinstance(value, str) or not value.strip():
            return "blank text"
        if clean_text(value) != value:
            return "control characters"
        if kind is FieldType.TEXT and "\n" in value:
            return "a line break in a one-line field"
        return None
    if kind is FieldType.TAGS:
        ok = isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)
        return None if ok else "not a list of tags"
    if kind is FieldType.CHECKBOX:
        return None if isinstance(value, bool) else "not a boolean"
    if kind is FieldType.CHOICE:
        return None if value in {c.id for c in field.choices} else f"unknown choice {value!r}"
    if kind is FieldType.MULTICHOICE:
        ids = {c.id for c in field.choices}
        ok = isinstance(value, list) and len(set(map(str, value))) == len(value)
        return None if ok and all(v in ids for v in value) else "bad choices"
    if kind is FieldType.DATE:
        try:
            datetime.date.fromisoformat(str(value))
        except ValueError:
            return "not an ISO date"
        return None if isinstance(value, str) else "not a string"
    if kind in (FieldType.NUMBER, FieldType.YEAR, FieldType.RATING):
        whole = kind is not FieldType.NUMBER
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            return "not a number"
        low = field.min if field.min is not None else -(10**9)
        high = field.max if field.max is not None else 10**9
        return None if low <= value <= high else "out of range"
    return f"unhandled type {kind}"


def kind_problem(
    exercise: Exercise, field_id: str, entry: str, value: JSONValue, script: DemoScript, pack: Pack
) -> str | None:
    """Why a prefixed answer is invalid for its exercise's kind, or ``None``."""
    if ITEM_KEYS.owns(field_id):
        scale = exercise.scale
        assert scale is not None
        return None if value in scale.points else "off the scale"
    if PILE_KEYS.owns(field_id):
        return None if value in {p.id for p in exercise.piles} else "unknown pile"
    if field_id == RANK:
        first = answers_of(pack, script, exercise.id)
        ok = isinstance(value, list) and len(set(map(str, value))) == len(value)
        ok = ok and all(
            first.get(PILE_KEYS.key(str(card))) == exercise.piles[0].id for card in value
        )
        return None if ok and len(value) <= exercise.top else "bad ranking"
    if DEFINITION_KEYS.owns(field_id):
        return None if isinstance(value, str) and value.strip() else "blank definition"
    if field_id == CUSTOM_ITEMS:
        ok = isinstance(value, list) and all(isinstance(v, str) and v for v in value)
        return None if ok else "bad own items"
    if RATING_KEYS.owns(field_id):
        ok = isinstance(value, list) and len(value) == 2
        return None if ok and all(v in range(4) for v in value) else "bad grid rating"
    if WEIGHT_KEYS.owns(field_id):
        return None if value in range(1, 6) else "bad weight"
    if SCORE_KEYS.owns(field_id):
        leads = {e.id for e in answers_of(pack, script, "pistes").entries()}
        return None if value in range(1, 6) and entry in leads else "bad score"
    return f"unexpected key {field_id}"


def test_every_exercise_is_answered_and_all_but_the_follow_up_done(
    pack: Pack, script: DemoScript
) -> None:
    statuses = {ex.id: script.statuses.get(ex.id) for ex in pack.exercises}
    assert statuses.pop("suivi") is ExerciseStatus.STARTED
    assert statuses.pop(PENDING) is None, "the follow-up interview is six months away"
    assert set(statuses.values()) == {ExerciseStatus.DONE}
    answered = {a.key.exercise_id for a in script.answers if not is_empty(a.value)}
    assert answered == {ex.id for ex in pack.exercises} - {PENDING}


def test_every_answer_belongs_to_its_exercise_and_fits_its_field(
    pack: Pack, script: DemoScript
) -> None:
    problems = []
    keys = Counter((a.key.exercise_id, a.key.field_id, a.key.entry_id) for a in script.answers)
    assert max(keys.values()) == 1
    for answer in script.answers:
        key, value = answer.key, answer.value
        exercise = pack.exercise(key.exercise_id)
        assert exercise is not None
        assert key.pack_id == pack.id
        where = f"{key.exercise_id}.{key.field_id}"
        if not is_known(exercise, key.field_id, known_field_ids(exercise)):
            problems.append(f"{where}: unknown to the exercise")
            continue
        assert bool(key.entry_id) == (
            exercise.kind is Kind.RECORDS or SCORE_KEYS.owns(key.field_id)
        )
        field = exercise.field(key.field_id)
        if key.field_id == POSITION:
            problem = None if isinstance(value, int) and value >= 0 else "bad position"
        elif field is not None:
            problem = field_problem(field, value)
        else:
            problem = kind_problem(exercise, key.field_id, key.entry_id, value, script, pack)
        if problem:
            problems.append(f"{where}: {problem} ({value!r})")
    assert problems == []


def test_required_fields_are_filled_in_every_form_and_entry(pack: Pack, script: DemoScript) -> None:
    for exercise in pack.exercises:
        if exercise.id == PENDING:
            continue
        answers = answers_of(pack, script, exercise.id)
        required = [f.id for f in exercise.fields if f.required]
        if exercise.kind is Kind.RECORDS:
            entries = answers.entries()
            assert len(entries) >= 2, exercise.id
            for entry in entries:
                assert all(not is_empty(entry.values.get(f)) for f in required), entry
        else:
            assert all(not is_empty(answers.get(f)) for f in required), exercise.id


def test_every_grid_line_is_rated_and_every_rating_names_a_line(
    pack: Pack, script: DemoScript
) -> None:
    grid = pack.exercise("competences")
    assert grid is not None
    answers = answers_of(pack, script, "competences")
    stories = answers_of(pack, script, "realisations").entries()
    items = grid_items(grid, answers, stories)
    shown = {RATING_KEYS.key(item.key) for item in items}
    rated = {field_id for (field_id, _entry) in answers.values if RATING_KEYS.owns(field_id)}
    assert rated == shown
    assert quadrants(items, read_ratings(answers, items)).unrated == ()


def test_the_demo_is_reproducible(pack: Pack) -> None:
    first, second = demo_script(pack, REFERENCE), demo_script(pack, REFERENCE)
    assert first == second
    later = demo_script(pack, REFERENCE + datetime.timedelta(days=30))
    assert [a.key for a in later.answers] == [a.key for a in first.answers]


def test_data_that_does_not_fit_the_pack_is_refused(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = demo_data.load_facts()
    facts["demande"]["no_such_field"] = "x"
    monkeypatch.setattr("bilan_tui.services.demo.script.load_facts", lambda: facts)
    with pytest.raises(DemoDataError, match="no_such_field"):
        demo_script(pack, REFERENCE)
