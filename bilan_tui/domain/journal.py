"""The session journal: preparing each interview with the consultant and keeping what came of it.

A journal page belongs to one accompaniment session. A session not yet held
is *planned* (a day, maybe a duration) and has no ledger entry: its hours
count toward the 24 h only once it is held, when it becomes a line of the
hours ledger and the page is linked to it. Before, she writes what she wants
to raise; after, what she keeps and what she will do by the next time, one
thing a line, each ticked off on the dashboard once done.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .records import LedgerEntry
from .text import clean_text

MAX_TEXT = 4000
"""A page's text fields are cut here: a journal, not a book."""


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One thing to do before the next session.

    Attributes:
        text: What she wrote, one line.
        done: Ticked off (on the dashboard or in the journal).
    """

    text: str
    done: bool = False


@dataclass(frozen=True, slots=True)
class SessionNote:
    """The journal page of one session with the consultant.

    Attributes:
        entry_id: The ledger entry of the session once held; ``None`` while planned.
        planned_date: The day it is planned for (kept once held, for the record).
        planned_minutes: How long it should last, if known.
        prepare: "What I want to raise", written before.
        retain: "What I keep", written after.
        todo: "What I do by next time", written after.
        id: Database id; ``None`` until stored.
    """

    entry_id: int | None = None
    planned_date: datetime.date | None = None
    planned_minutes: int | None = None
    prepare: str = ""
    retain: str = ""
    todo: tuple[TodoItem, ...] = ()
    id: int | None = None

    @property
    def planned(self) -> bool:
        """Not held yet: no line in the ledger, so no hours counted."""
        return self.entry_id is None

    @property
    def empty(self) -> bool:
        """Nothing written and nothing planned: the page need not be kept."""
        return not (self.prepare or self.retain or self.todo or self.planned_date)


def tidy(text: str) -> str:
    """What she typed, as stored: clean characters, no trailing blanks, not endless."""
    lines = [clean_text(line).rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")[:MAX_TEXT]


def todo_from_text(text: str, previous: Iterable[TodoItem] = ()) -> tuple[TodoItem, ...]:
    """One item a non-blank line; a line already ticked keeps its tick.

    A leading "-", "*" or "•" is a list mark, not part of the item.
    """
    ticked = {item.text for item in previous if item.done}
    items: list[TodoItem] = []
    for line in tidy(text).split("\n"):
        item = line.strip().lstrip("-*•").strip()
        if item:
            items.append(TodoItem(item, item in ticked))
    return tuple(items)


def todo_text(items: Iterable[TodoItem]) -> str:
    """The items back as the text they were typed as, one a line."""
    return "\n".join(item.text for item in items)


def with_ticked(note: SessionNote, index: int, done: bool = True) -> SessionNote:
    """``note`` with its ``index``-th item ticked (or unticked)."""
    items = list(note.todo)
    items[index] = dataclasses.replace(items[index], done=done)
    return dataclasses.replace(note, todo=tuple(items))


def session_day(note: SessionNote, ledger: Mapping[int, LedgerEntry]) -> datetime.date | None:
    """The day of the session: the ledger's once held, else the planned one."""
    if note.entry_id is not None and note.entry_id in ledger:
        return ledger[note.entry_id].date
    return note.planned_date


def next_planned(notes: Sequence[SessionNote], today: datetime.date) -> SessionNote | None:
    """The soonest planned session from ``today`` on (a planned one without a day last)."""
    ahead = [n for n in notes if n.planned and (n.planned_date is None or n.planned_date >= today)]
    ahead.sort(key=lambda n: (n.planned_date is None, n.planned_date or today, n.id or 0))
    return ahead[0] if ahead else None


def last_debrief(
    notes: Sequence[SessionNote], ledger: Mapping[int, LedgerEntry]
) -> SessionNote | None:
    """The latest held session that has things to do by the next time."""
    held = [n for n in notes if not n.planned and n.entry_id in ledger and n.todo]
    if not held:
        return None

    def when(note: SessionNote) -> tuple[datetime.date, int]:
        assert note.entry_id is not None
        return ledger[note.entry_id].date, note.entry_id

    return max(held, key=when)


def open_todo(
    notes: Sequence[SessionNote], ledger: Mapping[int, LedgerEntry]
) -> list[tuple[int, TodoItem]]:
    """The items of the last debrief not ticked yet, with their index in it."""
    note = last_debrief(notes, ledger)
    if note is None:
        return []
    return [(index, item) for index, item in enumerate(note.todo) if not item.done]


def held_entry(note: SessionNote, entry: LedgerEntry) -> SessionNote:
    """``note`` once its session is held: linked to its new ledger line."""
    if entry.id is None:
        raise ValueError("only a stored ledger entry can hold a journal page")
    return dataclasses.replace(note, entry_id=entry.id)


def note_json(note: SessionNote, ledger: Mapping[int, LedgerEntry]) -> dict[str, object]:
    """One page as exported in JSON: plain values, stable keys."""
    entry = ledger.get(note.entry_id) if note.entry_id is not None else None
    day = session_day(note, ledger)
    return {
        "status": "planned" if note.planned else "held",
        "date": day.isoformat() if day else None,
        "minutes": entry.minutes if entry else note.planned_minutes,
        "phase": entry.phase if entry else None,
        "prepare": note.prepare,
        "retain": note.retain,
        "todo": [{"text": item.text, "done": item.done} for item in note.todo],
    }


def ordered(notes: Sequence[SessionNote], ledger: Mapping[int, LedgerEntry]) -> list[SessionNote]:
    """Pages in the order of their sessions, undated planned ones last."""
    far = datetime.date.max
    return sorted(notes, key=lambda n: (session_day(n, ledger) or far, n.id or 0))
