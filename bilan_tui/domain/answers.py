"""Answers: what the person wrote, keyed by stable ids.

An answer is keyed by (pack id, exercise id, field id, entry id). The field id
is a pack field id for forms and records; the other kinds use a small set of
prefixed keys (``item:``, ``pile:``...) that cannot collide with pack ids, since
those never contain ``:`` or ``@``. Keeping one flat key space means a pack
update never loses an answer: keys that no longer match anything are simply
shown apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeAlias

# The whole field ids a kind stores stay importable from here (``keys`` owns them).
from .keys import CUSTOM_ITEMS as CUSTOM_ITEMS
from .keys import (
    DEFINITION_KEYS,
    GAP_KEYS,
    ITEM_KEYS,
    PILE_KEYS,
    RATING_KEYS,
    SCORE_KEYS,
    WEIGHT_KEYS,
)
from .keys import POSITION as POSITION
from .keys import RANK as RANK
from .keys import REFERENTIAL_VERSION as REFERENTIAL_VERSION
from .model import Exercise, Kind

JSONValue: TypeAlias = "str | int | float | bool | list[JSONValue] | dict[str, JSONValue] | None"


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """Where an answer belongs. ``entry_id`` is empty outside record entries."""

    pack_id: str
    exercise_id: str
    field_id: str
    entry_id: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """One stored value and when it last changed."""

    key: AnswerKey
    value: JSONValue
    updated_at: datetime | None = None


def is_empty(value: JSONValue) -> bool:
    """Whether a value counts as "not answered" (blank text, empty list...)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return len(value) == 0
    return False


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a records exercise: its id and its field values."""

    id: str
    position: int
    values: dict[str, JSONValue]


@dataclass(slots=True)
class ExerciseAnswers:
    """The answers of one exercise, held in memory while it is open.

    Values are looked up by (field id, entry id). This is the single place
    the interface edits; the store persists whatever changed.
    """

    pack_id: str
    exercise_id: str
    values: dict[tuple[str, str], JSONValue] = field(default_factory=dict)

    @classmethod
    def from_answers(
        cls, pack_id: str, exercise_id: str, answers: Iterable[Answer]
    ) -> ExerciseAnswers:
        """Gather the answers that belong to one exercise."""
        result = cls(pack_id, exercise_id)
        for answer in answers:
            key = answer.key
            if key.pack_id == pack_id and key.exercise_id == exercise_id:
                result.values[(key.field_id, key.entry_id)] = answer.value
        return result

    def key(self, field_id: str, entry_id: str = "") -> AnswerKey:
        """The full key of one of this exercise's values."""
        return AnswerKey(self.pack_id, self.exercise_id, field_id, entry_id)

    def get(self, field_id: str, entry_id: str = "") -> JSONValue:
        """A value, or ``None`` if it was never given."""
        return self.values.get((field_id, entry_id))

    def set(self, field_id: str, value: JSONValue, entry_id: str = "") -> None:
        """Record a value in memory."""
        self.values[(field_id, entry_id)] = value

    def change(self, field_id: str, value: JSONValue, entry_id: str = "") -> bool:
        """Record a value typed in an editor; whether it changed anything.

        An editor reports its value on every event, focus changes included:
        the same value, or an empty one where nothing was, changes nothing and
        must not reach the disk again.
        """
        current = self.get(field_id, entry_id)
        if current == value or (is_empty(current) and is_empty(value)):
            return False
        self.set(field_id, value, entry_id)
        return True

    def remove_entry(self, entry_id: str) -> list[tuple[str, str]]:
        """Forget every value of one record entry; returns the removed keys."""
        removed = [key for key in self.values if key[1] == entry_id]
        for key in removed:
            del self.values[key]
        return removed

    def has_any(self) -> bool:
        """Whether anything non-empty was answered (an exercise is started)."""
        return any(
            not is_empty(value)
            for (field_id, _entry), value in self.values.items()
            if field_id != POSITION
        )

    def entries(self) -> list[Entry]:
        """Record entries in the person's order (then by id, for stability)."""
        grouped: dict[str, dict[str, JSONValue]] = {}
        for (field_id, entry_id), value in self.values.items():
            if entry_id:
                grouped.setdefault(entry_id, {})[field_id] = value
        entries = []
        for entry_id, values in grouped.items():
            position = values.pop(POSITION, None)
            pos = position if isinstance(position, int) else 1_000_000
            entries.append(Entry(entry_id, pos, values))
        entries.sort(key=lambda entry: (entry.position, entry.id))
        return entries

    def __iter__(self) -> Iterator[Answer]:
        for (field_id, entry_id), value in self.values.items():
            yield Answer(self.key(field_id, entry_id), value)


def known_field_ids(exercise: Exercise) -> set[str]:
    """Field ids an exercise's current definition can produce, without prefixes.

    Used to find answers whose field left the pack: a key is orphaned when its
    plain field id is not a field and its prefixed form names no item, card,
    criterion or grid entry the kind allows.
    """
    ids = {f.id for f in exercise.fields}
    if exercise.kind is Kind.RECORDS:
        ids.add(POSITION)
    if exercise.kind is Kind.LIKERT:
        ids.update(ITEM_KEYS.key(item.id) for item in exercise.items)
    if exercise.kind is Kind.CARDSORT:
        ids.add(RANK)
        for card in exercise.cards:
            ids.update((PILE_KEYS.key(card.id), DEFINITION_KEYS.key(card.id)))
    if exercise.kind is Kind.GRID:
        ids.add(CUSTOM_ITEMS)
    if exercise.kind is Kind.MATRIX:
        for criterion in exercise.criteria:
            ids.update((WEIGHT_KEYS.key(criterion.id), SCORE_KEYS.key(criterion.id)))
    return ids


def is_known(exercise: Exercise, field_id: str, known: set[str]) -> bool:
    """Whether an answer's field id still belongs to the exercise."""
    if field_id in known:
        return True
    if exercise.kind is Kind.RECORDS:
        # A lead linked to an occupation fiche carries its skills-gap marks.
        return GAP_KEYS.owns(field_id) or field_id == REFERENTIAL_VERSION
    # Grid ratings may name pack items, the person's own items or tags drawn
    # from another exercise: all of them stay valid.
    return exercise.kind is Kind.GRID and RATING_KEYS.owns(field_id)
