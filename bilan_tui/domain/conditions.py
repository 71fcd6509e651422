"""Questions asked only when they apply: a field's ``when`` condition.

"If the idea came from someone else, what do you think of it?" makes no sense
after "It was my own idea"; the public-sector question makes none for a
private-sector worker. A pack writes the condition on the field, in one line:

- ``when = "initiative != moi-meme"``: asked unless that choice was made;
- ``when = "statut = fonctionnaire | contractuel-public"``: asked for one of these;
- ``when = "situation.statut = fonctionnaire"``: a field of another exercise;
- ``when = "consent"``: asked once that box is ticked (or that field answered).

A question that does not apply is hidden and is not required; its answer, if
one was given before, is kept (she may change her mind back). Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .answers import ExerciseAnswers, JSONValue, is_empty

if TYPE_CHECKING:
    from .parts import Field

_CONDITION = re.compile(
    r"\s*(?:(?P<exercise>[a-z][a-z0-9_-]*)\.)?(?P<field>[a-z][a-z0-9_-]*)"
    r"\s*(?:(?P<op>!=|=)\s*(?P<values>[a-z0-9_-]+(?:\s*\|\s*[a-z0-9_-]+)*))?\s*"
)

Lookup = Callable[[str, str], JSONValue]
"""(exercise id, field id) → the stored answer; "" names the field's own exercise."""


@dataclass(frozen=True, slots=True)
class Condition:
    """When a field applies.

    Attributes:
        exercise: The exercise that holds the field it depends on; "" for its own.
        field: The field it depends on.
        negate: ``!=``: applies unless one of ``values`` was chosen.
        values: Choice ids; empty means "answered" (a ticked box, any text).
    """

    exercise: str
    field: str
    negate: bool
    values: tuple[str, ...]

    def applies(self, lookup: Lookup) -> bool:
        """Whether the field is asked, given the answers ``lookup`` reads."""
        value = lookup(self.exercise, self.field)
        if not self.values:
            return value is not False and not is_empty(value)
        chosen = {str(item) for item in value} if isinstance(value, list) else {str(value)}
        hit = bool(chosen & set(self.values))
        if self.negate:
            return not hit
        return hit


def parse_condition(text: str) -> Condition | None:
    """The condition written in ``text``, or ``None`` when it is not well formed."""
    found = _CONDITION.fullmatch(text)
    if found is None:
        return None
    values = found.group("values") or ""
    return Condition(
        exercise=found.group("exercise") or "",
        field=found.group("field"),
        negate=found.group("op") == "!=",
        values=tuple(part.strip() for part in values.split("|") if part.strip()),
    )


def field_applies(field: Field, answers: ExerciseAnswers, answer_of: Lookup) -> bool:
    """Whether ``field`` is asked, its own exercise's answers in ``answers``.

    Args:
        field: A question of the exercise ``answers`` belongs to.
        answers: That exercise's answers.
        answer_of: Reads an answer of another exercise (exercise id, field id).
    """
    when = field.when
    if when is None:
        return True

    def lookup(exercise_id: str, field_id: str) -> JSONValue:
        if not exercise_id or exercise_id == answers.exercise_id:
            return answers.get(field_id)
        return answer_of(exercise_id, field_id)

    return when.applies(lookup)
