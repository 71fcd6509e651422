"""The workbook as a document may see it: only the answers to questions that apply.

A question with a ``when`` condition (``domain.conditions``) is hidden on
screen while it does not apply, and its answer is kept in the workbook in
case she changes her mind back. A document must not show that kept answer:
"If the idea came from someone else, what do you think of it?" answered, then
"It was my own idea" chosen, leaves an answer that no longer says anything
true. :func:`applicable_only` removes such answers before any section, any
format, reads the snapshot, by the same rule as the screen (the condition
read against the stored answers).
"""

from __future__ import annotations

import dataclasses

from bilan_tui.domain.answers import ExerciseAnswers, JSONValue
from bilan_tui.domain.conditions import field_applies
from bilan_tui.domain.model import Exercise, Kind, qualified_ref

from .source import ExportSource


def applicable_only(source: ExportSource) -> ExportSource:
    """``source`` without the answers of questions whose condition is false."""
    kept: dict[str, ExerciseAnswers] = {}
    for exercise in source.pack.exercises:
        answers = source.answers.get(exercise.ref)
        if exercise.kind is not Kind.FORM or answers is None:
            continue
        hidden = _not_applying(source, exercise, answers)
        if hidden:
            kept[exercise.ref] = ExerciseAnswers(
                answers.pack_id,
                answers.exercise_id,
                {key: value for key, value in answers.values.items() if key[0] not in hidden},
            )
    if not kept:
        return source
    return dataclasses.replace(source, answers={**source.answers, **kept})


def _not_applying(source: ExportSource, exercise: Exercise, answers: ExerciseAnswers) -> set[str]:
    """The ids of ``exercise``'s questions that do not apply, given ``answers``."""
    own_pack = exercise.pack_id or source.pack.id

    def answer_of(exercise_id: str, field_id: str) -> JSONValue:
        ref = exercise_id if own_pack == source.pack.id else qualified_ref(own_pack, exercise_id)
        return source.exercise_answers(ref).get(field_id)

    return {
        field.id
        for field in exercise.fields
        if field.when is not None and not field_applies(field, answers, answer_of)
    }
