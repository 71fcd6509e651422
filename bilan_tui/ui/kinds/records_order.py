"""The order of record entries, kept in the answers themselves.

Each entry stores its place at field ``POSITION``. After every change the
places are renumbered 0..n-1 so the order on disk is exactly the order on
screen, and each function returns the keys it changed: the body hands them
to the screen, which saves them. Nothing here knows about Textual.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from bilan_tui.domain.answers import POSITION, Entry, ExerciseAnswers, JSONValue

Keys = list[tuple[str, str]]


@dataclass(frozen=True)
class DeletedEntry:
    """What undo needs to bring an entry back: its place and every value."""

    entry_id: str
    index: int
    values: dict[str, JSONValue]


def entry_order(answers: ExerciseAnswers) -> list[str]:
    """Entry ids in the person's order."""
    return [entry.id for entry in answers.entries()]


def entry_values(answers: ExerciseAnswers, entry_id: str) -> dict[str, JSONValue]:
    """Every stored value of one entry, its position included."""
    return {
        field_id: value for (field_id, owner), value in answers.values.items() if owner == entry_id
    }


def renumber(answers: ExerciseAnswers, order: list[str]) -> Keys:
    """Store positions 0..n-1 following ``order``; the keys that changed."""
    changed = []
    for position, entry_id in enumerate(order):
        if answers.get(POSITION, entry_id) != position:
            answers.set(POSITION, position, entry_id)
            changed.append((POSITION, entry_id))
    return changed


def sort_entries(answers: ExerciseAnswers, field_id: str) -> Keys:
    """Put the entries in the order of one field (a life line by year); the changed keys.

    Entries without a value keep their place among themselves, after the others;
    equal values keep the person's order.
    """
    entries = answers.entries()

    def place(entry: Entry) -> tuple[int, float, str]:
        value = entry.values.get(field_id)
        if isinstance(value, bool) or not isinstance(value, (int, float, str)) or value == "":
            return (1, 0.0, "")
        if isinstance(value, str):
            return (0, 0.0, value)
        return (0, float(value), "")

    return renumber(answers, [entry.id for entry in sorted(entries, key=place)])


def add_entry(answers: ExerciseAnswers) -> tuple[str, Keys]:
    """A new empty entry at the end: its id (a uuid4 hex) and the keys to save."""
    entry_id = uuid.uuid4().hex
    order = [*entry_order(answers), entry_id]
    return entry_id, renumber(answers, order)


def move_entry(answers: ExerciseAnswers, entry_id: str, step: int) -> tuple[int, Keys] | None:
    """Move an entry ``step`` places: its new index and the changed keys.

    ``None`` when it cannot move (unknown entry, already first or last).
    """
    order = entry_order(answers)
    if entry_id not in order:
        return None
    index = order.index(entry_id)
    target = index + step
    if not 0 <= target < len(order):
        return None
    order[index], order[target] = order[target], order[index]
    return target, renumber(answers, order)


def take_entry(answers: ExerciseAnswers, entry_id: str) -> tuple[DeletedEntry, Keys]:
    """Forget an entry in memory (the disk is the caller's business).

    Returns what undo needs, and the position keys of the entries that
    moved up to fill the gap.
    """
    order = entry_order(answers)
    deleted = DeletedEntry(entry_id, order.index(entry_id), entry_values(answers, entry_id))
    answers.remove_entry(entry_id)
    order.remove(entry_id)
    return deleted, renumber(answers, order)


def restore_entry(answers: ExerciseAnswers, deleted: DeletedEntry) -> tuple[int, Keys]:
    """Put a deleted entry back at its place with every value.

    Returns its index and every key to save again: all of its values (the
    disk no longer has them) and the positions that changed.
    """
    order = entry_order(answers)
    index = min(deleted.index, len(order))
    order.insert(index, deleted.entry_id)
    keys: Keys = []
    for field_id, value in deleted.values.items():
        answers.set(field_id, value, deleted.entry_id)
        keys.append((field_id, deleted.entry_id))
    keys.extend(renumber(answers, order))
    return index, sorted(set(keys))
