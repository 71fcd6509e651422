"""Answers as a reader reads them: choice labels, dates written out, yes or no.

Values come back as plain text (not yet escaped): each document escapes them
where it places them. Private fields are filtered here, in one place, so that
no document can forget to.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from bilan_tui.domain.answers import ExerciseAnswers, JSONValue, is_empty
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.parts import Field, FieldType

from .wording import Wording


def _strings(value: JSONValue) -> list[str]:
    """Non-blank strings of a list (tags, multichoice)."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        return []
    return [" ".join(item.split()) for item in items if isinstance(item, str) and item.strip()]


def _number(value: JSONValue, words: Wording) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value).strip() or None if isinstance(value, str) else None
    return words.number(value)


def display(field: Field, value: JSONValue, words: Wording) -> str | None:
    """One stored value as text, or ``None`` when there is nothing to show."""
    if is_empty(value):
        return None
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.LONGTEXT):
        return value.strip() if isinstance(value, str) else str(value)
    if kind is FieldType.DATE:
        return words.date_text(value)
    if kind in (FieldType.NUMBER, FieldType.YEAR):
        if kind is FieldType.YEAR and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return _number(value, words)
    if kind is FieldType.CHOICE:
        return field.choice_label(value) if isinstance(value, str) else None
    if kind is FieldType.MULTICHOICE:
        labels = [field.choice_label(item) for item in _strings(value)]
        return words.join(labels) or None
    if kind is FieldType.TAGS:
        return ", ".join(_strings(value)) or None
    if kind is FieldType.RATING:
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return rating_text(field, value, words)
    if kind is FieldType.CHECKBOX:
        return words("yes") if value is True else words("no") if value is False else None
    return str(value)


def _signed(value: int) -> str:
    """``+3``, ``0``, ``−2`` (a true minus sign)."""
    return f"+{value}" if value > 0 else f"\u2212{-value}" if value < 0 else "0"


def rating_text(field: Field, value: int, words: Wording) -> str:
    """``7/10`` on a 0 or 1-based scale; ``−2 (scale from −5 to +5)`` otherwise."""
    low, high = field.min, field.max
    if high is None:
        return str(value)
    if low is None or low in (0, 1):
        return f"{value}/{high}"
    return words("signed_scale", value=_signed(value), low=_signed(low), high=_signed(high))


def shown(field: Field | None, include_private: bool) -> bool:
    """Whether a field may appear: it exists, and is not private unless allowed."""
    return field is not None and (include_private or not field.private)


STRICT_FIELDS: ContextVar[frozenset[str]] = ContextVar("strict_fields", default=frozenset())
"""The packs (by id) whose exercises raise :class:`UnknownField` for a field they lack.

Empty for the person: a consultant's own exercise may reuse a shipped id with
other fields, and a document must still be written. The tests
(``tests/conftest.py``) name the shipped pack, where a field id the documents
ask for that its exercise lacks is a typo that would silently drop a line.
"""


class UnknownField(LookupError):
    """A document asked an exercise for a field it does not have (strict mode only)."""


@dataclass(frozen=True, slots=True)
class Reader:
    """Reads one exercise's answers for a document, private fields filtered.

    Attributes:
        exercise: The exercise (``None`` when the pack does not have it).
        answers: Its answers.
        words: The document's language.
        include_private: Whether private fields may be shown.
    """

    exercise: Exercise | None
    answers: ExerciseAnswers
    words: Wording
    include_private: bool

    def field(self, field_id: str) -> Field | None:
        """The field, if it exists and may be shown.

        Raises:
            UnknownField: in strict mode (:data:`STRICT_FIELDS`), when the
                exercise exists but has no such field.
        """
        found = self.exercise.field(field_id) if self.exercise is not None else None
        if (
            found is None
            and self.exercise is not None
            and self.exercise.pack_id in STRICT_FIELDS.get()
        ):
            raise UnknownField(f"{self.exercise.ref}: no field {field_id!r}")
        return found if shown(found, self.include_private) else None

    def raw(self, field_id: str, entry_id: str = "") -> JSONValue:
        """The stored value of a field that may be shown, else ``None``."""
        if self.field(field_id) is None:
            return None
        return self.answers.get(field_id, entry_id)

    def text(self, field_id: str, entry_id: str = "") -> str | None:
        """A field's answer as text, ``None`` if blank, unknown or private."""
        found = self.field(field_id)
        if found is None:
            return None
        return display(found, self.answers.get(field_id, entry_id), self.words)

    def entry_text(self, values: dict[str, JSONValue], field_id: str) -> str | None:
        """A field of one record entry, as text."""
        found = self.field(field_id)
        if found is None:
            return None
        return display(found, values.get(field_id), self.words)

    def label(self, field_id: str) -> str:
        """The question's label ("" if the field is not there)."""
        found = self.exercise.field(field_id) if self.exercise is not None else None
        return found.label if found is not None else ""
