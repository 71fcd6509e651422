"""What must be answered before an exercise can be marked as done.

A field marked ``required`` in a pack is shown with a star; the person may
leave it empty while working, but "done" means the exercise says what it is
for. For a form, each required field must hold an answer; for a records
exercise, there must be at least one entry, and each entry's required fields
must hold an answer. Stdlib only: the interface and any later command share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .answers import ExerciseAnswers, JSONValue, is_empty
from .conditions import Lookup, field_applies
from .model import Exercise, Kind
from .parts import Field, FieldType


@dataclass(frozen=True, slots=True)
class MissingAnswer:
    """One required answer that is still empty.

    Attributes:
        label: The field's question; empty when the whole exercise has no entry.
        entry_number: For a records exercise, which entry (from 1); 0 for a form.
    """

    label: str
    entry_number: int = 0


def missing_required(
    exercise: Exercise, answers: ExerciseAnswers, answer_of: Lookup = lambda _e, _f: None
) -> tuple[MissingAnswer, ...]:
    """The required answers still empty, in the order the person meets them.

    A question that does not apply (its ``when`` is false) is never missing;
    ``answer_of`` reads the other exercises such a condition may look at.
    """
    required = [field for field in exercise.fields if field.required]
    if exercise.kind is Kind.RECORDS:
        entries = answers.entries()
        if required and not entries:
            return (MissingAnswer(""),)
        return tuple(
            MissingAnswer(field.label, number)
            for number, entry in enumerate(entries, start=1)
            for field in required
            if unanswered(field, entry.values.get(field.id))
        )
    return tuple(
        MissingAnswer(field.label)
        for field in required
        if field_applies(field, answers, answer_of) and unanswered(field, answers.get(field.id))
    )


def unanswered(field: Field, value: JSONValue) -> bool:
    """Whether ``value`` leaves a required ``field`` unanswered (a box must be ticked)."""
    if field.type is FieldType.CHECKBOX:
        return value is not True
    return is_empty(value)
