"""The session journal in the detailed results and the homework export.

The journal goes with the sessions (the ``arrangements`` part, like the
hours ledger): each session in date order, what she wanted to raise, what
she kept, what she was to do by the next time and whether it is done. It is
never in the synthesis: these are her working notes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from bilan_tui.domain.journal import SessionNote, note_json, ordered, session_day

from .doc import Doc, plain
from .source import ExportSource
from .wording import Wording


def pages(source: ExportSource, since: datetime.date | None = None) -> list[SessionNote]:
    """The pages with something written or planned, in session order; from ``since`` on if given.

    A page whose ledger line is not in the snapshot (left out with its part)
    is left out too.
    """
    ledger = {entry.id: entry for entry in source.ledger if entry.id is not None}
    found = []
    for note in ordered(source.journal, ledger):
        if note.empty or (not note.planned and note.entry_id not in ledger):
            continue
        day = session_day(note, ledger)
        if since is not None and not note.planned and day is not None and day < since:
            continue
        found.append(note)
    return found


def journal_section(
    doc: Doc, source: ExportSource, level: int, notes: Sequence[SessionNote] | None = None
) -> None:
    """The journal, one sub-heading a session; nothing when it is empty."""
    chosen = pages(source) if notes is None else list(notes)
    if not chosen:
        return
    words = Wording(source.language)
    ledger = {entry.id: entry for entry in source.ledger if entry.id is not None}
    doc.heading(level, words("journal"))
    doc.para(words("journal_intro"))
    for note in chosen:
        day = session_day(note, ledger)
        when = words.date(day) if day else words("journal_undated")
        title = words("journal_planned", date=when) if note.planned else when
        doc.heading(level + 1, title)
        doc.labelled(words("journal_prepare"), note.prepare)
        doc.labelled(words("journal_retain"), note.retain)
        if note.todo:
            doc.para(words("journal_todo"))
            mark = {True: words("journal_done"), False: words("journal_open")}
            doc.bullets([f"{mark[item.done]} {plain(item.text)}" for item in note.todo])


def journal_json(source: ExportSource, notes: Sequence[SessionNote] | None = None) -> list[object]:
    """The journal for the JSON export."""
    chosen = pages(source) if notes is None else list(notes)
    ledger = {entry.id: entry for entry in source.ledger if entry.id is not None}
    return [note_json(note, ledger) for note in chosen]
