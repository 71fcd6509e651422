"""Which answers are private: the one rule every copy made for someone else obeys.

An answer is private when its field is marked ``private``, or when it picks a
choice marked ``private`` (a life event in the "health" domain). In a records
exercise a private choice makes the whole entry private: the event's title,
its year and what it taught are all about the same illness.

Everything computed from a private answer is private too (a grid item drawn
from a private tag, the stories cited as its evidence, a matrix column named
by a private lead). The safe way to honour that is to remove private answers
*before* anything is computed, which :func:`without_private` does for one
exercise; ``bilan_tui.export.privacy`` applies it to a whole workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from .answers import POSITION, ExerciseAnswers, is_empty
from .model import Exercise, Kind


@dataclass(frozen=True, slots=True)
class Filtered:
    """An exercise's answers with the private ones removed.

    Attributes:
        answers: What may be shown.
        withheld: How many non-empty answers were removed (for the note
            "2 private answers are left out").
    """

    answers: ExerciseAnswers
    withheld: int


def private_entries(exercise: Exercise, answers: ExerciseAnswers) -> set[str]:
    """Ids of the record entries that are private as a whole (a private choice picked)."""
    if exercise.kind is not Kind.RECORDS:
        return set()
    choosing = {
        field.id: field for field in exercise.fields if any(c.private for c in field.choices)
    }
    if not choosing:
        return set()
    return {
        entry_id
        for (field_id, entry_id), value in answers.values.items()
        if entry_id and field_id in choosing and choosing[field_id].private_value(value)
    }


def private_keys(exercise: Exercise, answers: ExerciseAnswers) -> set[tuple[str, str]]:
    """The (field id, entry id) keys of every private answer of one exercise."""
    entries = private_entries(exercise, answers)
    found = set()
    for key, value in answers.values.items():
        field_id, entry_id = key
        if entry_id in entries:
            found.add(key)
            continue
        field = exercise.field(field_id)
        if field is not None and field.private_value(value):
            found.add(key)
    return found


def without_private(exercise: Exercise, answers: ExerciseAnswers) -> Filtered:
    """The answers of one exercise that may leave the machine without an opt-in.

    A record entry left with nothing but its position goes too: an empty,
    unnamed entry would only say that something private is there.
    """
    hidden = private_keys(exercise, answers)
    if not hidden:
        return Filtered(answers, 0)
    touched = {entry_id for _field_id, entry_id in hidden if entry_id}
    still_said = {
        key[1]
        for key, value in answers.values.items()
        if key[0] != POSITION and key not in hidden and not is_empty(value)
    }
    touched -= still_said
    hidden |= {key for key in answers.values if key[1] in touched}
    kept = ExerciseAnswers(answers.pack_id, answers.exercise_id)
    withheld = 0
    for key, value in answers.values.items():
        if key in hidden:
            withheld += key[0] != POSITION and not is_empty(value)
        else:
            kept.values[key] = value
    return Filtered(kept, withheld)
