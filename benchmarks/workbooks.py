"""The workbooks the benchmarks read: the demo, and the demo made N times bigger.

A stress workbook is the demo with every record entry copied N-1 times
under new ids (so a matrix has N times the leads, the life line N times the
events) and the hours ledger copied N-1 times further back in time, as if
the person had kept the workbook for years.
"""

from __future__ import annotations

import dataclasses
import datetime
import sqlite3
import uuid
from pathlib import Path

from bilan_tui.domain.answers import POSITION, Answer, AnswerKey
from bilan_tui.domain.model import Pack
from bilan_tui.services.demo import DEMO_WORKBOOK
from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store.repository import open_workbook

from .common import LANGUAGE

COPY_NAMESPACE = uuid.UUID("b7e1c0de-5a1e-4b3e-9f00-000000000020")
POSITION_STEP = 10_000
"""Copies are placed after every original entry, each copy in its own block."""


@dataclasses.dataclass(frozen=True, slots=True)
class Size:
    """What a workbook holds, counted the way it grows."""

    factor: int
    entries: int
    ledger: int
    answers: int

    @property
    def items(self) -> int:
        """Record entries plus ledger entries: what the stress scales."""
        return self.entries + self.ledger


def make_demo(data_dir: Path, pack: Pack) -> Path:
    """A fresh demo workbook in ``data_dir``; its path."""
    path = data_dir / "workbooks" / f"{DEMO_WORKBOOK}.sqlite"
    recreate_demo(path, pack)
    return path


def display_name(path: Path, pack: Pack) -> str:
    """The name the dashboard shows once the workbook is open."""
    session = WorkbookSession.open(path, pack, language=LANGUAGE, create=False)
    try:
        return session.display_name()
    finally:
        session.close()


def copy_workbook(source: Path, target: Path) -> None:
    """Copy a closed workbook with SQLite's backup API (whatever its journal holds)."""
    reading, writing = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reading.backup(writing)
    finally:
        reading.close()
        writing.close()
    target.chmod(0o600)


def make_stress(demo: Path, factor: int, name: str = "stress") -> Path:
    """The demo ``factor`` times over, as the workbook ``name`` beside it; its path."""
    path = demo.with_name(f"{name}.sqlite")
    copy_workbook(demo, path)
    scale_up(path, factor)
    return path


def scale_up(path: Path, factor: int) -> None:
    """Copy the workbook's record entries and ledger ``factor - 1`` more times."""
    workbook = open_workbook(path, language=LANGUAGE, create=False)
    try:
        originals = [answer for answer in workbook.all_answers() if answer.key.entry_id]
        ledger = workbook.ledger()
        first = min(entry.date for entry in ledger)
        span = (max(entry.date for entry in ledger) - first).days + 7
        with workbook.transaction():
            for copy in range(1, factor):
                workbook.save_answers(_copied(answer, copy) for answer in originals)
                back = datetime.timedelta(days=span * copy)
                for entry in ledger:
                    workbook.add_ledger_entry(
                        dataclasses.replace(entry, id=None, date=entry.date - back)
                    )
    finally:
        workbook.close()


def _copied(answer: Answer, copy: int) -> Answer:
    key = answer.key
    entry = uuid.uuid5(COPY_NAMESPACE, f"{key.exercise_id}/{key.entry_id}/{copy}").hex
    value = answer.value
    if key.field_id == POSITION and isinstance(value, int):
        value = value + copy * POSITION_STEP
    new_key = AnswerKey(key.pack_id, key.exercise_id, key.field_id, entry)
    return Answer(new_key, value, answer.updated_at)


def size_of(path: Path, factor: int) -> Size:
    """Count what the workbook holds."""
    workbook = open_workbook(path, language=LANGUAGE, create=False)
    try:
        answers = workbook.all_answers()
        entries = {(a.key.exercise_id, a.key.entry_id) for a in answers if a.key.entry_id}
        return Size(factor, len(entries), len(workbook.ledger()), len(answers))
    finally:
        workbook.close()
