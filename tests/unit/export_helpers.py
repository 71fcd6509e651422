"""Export sources for tests: the demo bilan, a hand-filled mini pack, no database."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable

from bilan_tui.domain.answers import Answer, AnswerKey, JSONValue
from bilan_tui.domain.model import ExerciseStatus, Pack
from bilan_tui.domain.progress import exercise_status
from bilan_tui.domain.records import Consent, Homework, LedgerEntry
from bilan_tui.export.source import ExportSource, group_answers
from bilan_tui.packs import load_shipped_pack

REFERENCE = datetime.date(2025, 3, 14)
"""The day the demo and its documents are dated around (golden files)."""


def source_from(
    pack: Pack,
    answers: Iterable[Answer],
    *,
    name: str = "Camille M.",
    done: Iterable[str] = (),
    ledger: Iterable[LedgerEntry] = (),
    consents: Iterable[Consent] = (),
    homework: Iterable[Homework] = (),
    language: str | None = None,
) -> ExportSource:
    """A snapshot as ``collect`` would read it from a workbook holding these answers."""
    every = list(answers)
    grouped = group_answers(pack.id, every)
    marked = set(done)
    statuses: dict[str, ExerciseStatus] = {}
    for exercise in pack.exercises:
        found = grouped.get(exercise.id)
        statuses[exercise.id] = exercise_status(
            found is not None and found.has_any(), exercise.id in marked
        )
    return ExportSource(
        pack=pack,
        language=language or pack.language,
        name=name,
        workbook_name="test",
        created_at=datetime.datetime(2025, 1, 6, 9, 0, tzinfo=datetime.UTC),
        answers=grouped,
        statuses=statuses,
        ledger=tuple(ledger),
        consents=tuple(consents),
        homework=tuple(homework),
        other_answers=tuple(answer for answer in every if answer.key.pack_id != pack.id),
    )


def demo_source(language: str, reference: datetime.date = REFERENCE) -> ExportSource:
    """The demo bilan (Nadia) in one language, dated around ``reference``."""
    from bilan_tui.services.demo.script import demo_script

    pack = load_shipped_pack(language)
    script = demo_script(pack, reference)
    ids = {id(entry): number for number, entry in enumerate(script.ledger, start=1)}
    ledger = [dataclasses.replace(entry, id=ids[id(entry)]) for entry in script.ledger]
    journal = tuple(
        dataclasses.replace(page, entry_id=ids[id(entry)], id=number)
        for number, (entry, page) in enumerate(script.journal, start=1)
    )
    source = source_from(
        pack,
        script.answers,
        name=script.display_name,
        done=script.done(),
        ledger=ledger,
    )
    return ExportSource(
        pack=source.pack,
        language=source.language,
        name=source.name,
        workbook_name="demo",
        created_at=source.created_at,
        answers=source.answers,
        statuses=source.statuses,
        ledger=source.ledger,
        journal=journal,
    )


def answer(
    pack_id: str, exercise_id: str, field_id: str, value: JSONValue, entry: str = ""
) -> Answer:
    """One stored answer."""
    return Answer(AnswerKey(pack_id, exercise_id, field_id, entry), value)
