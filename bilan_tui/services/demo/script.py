"""Turning the demo's data into answers, marks and ledger entries for one pack.

The facts and the texts are merged exercise by exercise, each value checked
against the pack's field (its type decides how a fact is read: a date field
holds days from the reference day, a year field years from its year, a tags
field skill names). Dates are relative so the demo always looks recent and
tests can pin them: the bilan ends about a week before ``reference``.

Record entries get ids derived from their names (uuid5), so rebuilding the
demo gives the same ids, and the matrix can score the leads by name.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from bilan_tui.domain.answers import POSITION, Answer, AnswerKey, JSONValue
from bilan_tui.domain.holidays import nearest_working_day, next_working_day
from bilan_tui.domain.journal import SessionNote, TodoItem
from bilan_tui.domain.ledger import KINDS
from bilan_tui.domain.model import PHASE_IDS, Exercise, ExerciseStatus, Kind, Pack
from bilan_tui.domain.parts import FieldType
from bilan_tui.domain.records import LedgerEntry

from .data import (
    DemoDataError,
    Table,
    as_int,
    as_str,
    as_str_list,
    as_table,
    json_list,
    load_facts,
    load_texts,
)
from .kinds import Put, cardsort_answers, grid_answers, likert_answers, matrix_answers

ENTRY_NAMESPACE = uuid.UUID("6f0c6f8e-3a49-5b7e-9d0c-2f1b8a4d7e15")
"""Namespace of the demo's entry ids: uuid5 of ``<exercise id>/<entry name>``."""

ANSWER_TIME = datetime.time(19, 0, tzinfo=datetime.UTC)
"""When, on the day she worked on an exercise, its answers were last changed."""

TOP_LEVEL = ("display_name", "ledger", "skills", "journal")
"""Keys of the data files that are not exercises."""

_META: dict[Kind, frozenset[str]] = {
    Kind.FORM: frozenset(),
    Kind.RECORDS: frozenset(),
    Kind.LIKERT: frozenset({"_ratings"}),
    Kind.CARDSORT: frozenset({"_piles", "_rank", "_definitions"}),
    Kind.GRID: frozenset({"_items", "_tags", "_custom"}),
    Kind.MATRIX: frozenset({"_weights", "_scores"}),
}
_COMMON_META = frozenset({"_day", "_status"})


def entry_id(exercise_id: str, name: str) -> str:
    """The stable id of the demo's entry ``name`` in a records exercise."""
    return uuid.uuid5(ENTRY_NAMESPACE, f"{exercise_id}/{name}").hex


@dataclass(frozen=True)
class DemoScript:
    """Everything the demo workbook holds, ready to store.

    Attributes:
        display_name: The name the dashboard shows.
        language: The pack's language, stored as the workbook's.
        answers: Every answer, with the time it was written.
        statuses: The status of each exercise answered (``done`` or ``started``).
        ledger: The hours ledger, oldest first.
        journal: Journal pages, each with the ledger line of its session
            (one of ``ledger``; the page gets its id once stored).
    """

    display_name: str
    language: str
    answers: tuple[Answer, ...]
    statuses: Mapping[str, ExerciseStatus]
    ledger: tuple[LedgerEntry, ...]
    journal: tuple[tuple[LedgerEntry, SessionNote], ...] = ()

    def done(self) -> list[str]:
        """The exercises to mark as done, in pack order."""
        return [name for name, status in self.statuses.items() if status is ExerciseStatus.DONE]


@dataclass
class _Builder:
    pack: Pack
    reference: datetime.date
    facts: Table
    texts: Table
    skills: dict[str, str]
    answers: list[Answer] = field(default_factory=list)
    statuses: dict[str, ExerciseStatus] = field(default_factory=dict)
    sessions: dict[str, LedgerEntry] = field(default_factory=dict)
    """Accompaniment lines by the name of their note, for the journal."""

    def day(self, offset: object, where: str) -> datetime.date:
        return self.reference + datetime.timedelta(days=as_int(offset, where))

    def working_day(self, offset: object, where: str) -> datetime.date:
        """A day for an appointment or a deadline: never a weekend or a public holiday."""
        return nearest_working_day(self.day(offset, where))

    def exercise(self, exercise: Exercise) -> None:
        facts = as_table(self.facts.get(exercise.id, {}), exercise.id)
        texts = as_table(self.texts.get(exercise.id, {}), exercise.id)
        meta = _merge(_meta(facts, exercise), _meta(texts, exercise), exercise.id)
        when = datetime.datetime.combine(self.day(meta.get("_day", 0), exercise.id), ANSWER_TIME)
        pack_id = exercise.pack_id or self.pack.id

        def put(field_id: str, value: JSONValue, entry: str = "") -> None:
            key = AnswerKey(pack_id, exercise.id, field_id, entry)
            self.answers.append(Answer(key, value, when))

        status = as_str(meta.get("_status", "done"), f"{exercise.id}._status")
        if status not in (ExerciseStatus.DONE, ExerciseStatus.STARTED):
            raise DemoDataError(f"{exercise.id}._status: use done or started")
        self.statuses[exercise.id] = ExerciseStatus(status)

        plain_facts, fact_entries = _split(facts)
        plain_texts, text_entries = _split(texts)
        for field_id, value in self.fields(exercise, plain_facts, plain_texts, exercise.id):
            put(field_id, value)
        if exercise.kind is Kind.RECORDS:
            for name in text_entries:
                if name not in fact_entries:
                    raise DemoDataError(f"{exercise.id}.{name}: texts without facts")
            for position, (name, entry_facts) in enumerate(fact_entries.items()):
                where = f"{exercise.id}.{name}"
                entry = entry_id(exercise.id, name)
                put(POSITION, position, entry)
                entry_texts = text_entries.get(name, {})
                for field_id, value in self.fields(exercise, entry_facts, entry_texts, where):
                    put(field_id, value, entry)
        elif fact_entries or text_entries:
            raise DemoDataError(f"{exercise.id}: only records exercises have entries")
        self.kind_answers(exercise, meta, put)

    def kind_answers(self, exercise: Exercise, meta: Table, put: Put) -> None:
        if exercise.kind is Kind.LIKERT:
            likert_answers(exercise, meta, put)
        elif exercise.kind is Kind.CARDSORT:
            cardsort_answers(exercise, meta, put)
        elif exercise.kind is Kind.GRID:
            grid_answers(exercise, meta, put, self.skills)
        elif exercise.kind is Kind.MATRIX:
            source = exercise.source.exercise if exercise.source else ""
            names = as_table(self.facts.get(source, {}), source)
            options = {name: entry_id(source, name) for name in _split(names)[1]}
            matrix_answers(exercise, meta, put, options)

    def fields(
        self, exercise: Exercise, facts: Table, texts: Table, where: str
    ) -> list[tuple[str, JSONValue]]:
        """Field values from both files; a field given twice is an error."""
        _no_overlap(facts, texts, where)
        values: list[tuple[str, JSONValue]] = []
        for name, value in facts.items():
            values.append((name, self.fact_value(exercise, name, value, f"{where}.{name}")))
        for name, value in texts.items():
            values.append((name, _text_value(exercise, name, value, f"{where}.{name}")))
        return values

    def fact_value(self, exercise: Exercise, name: str, value: object, where: str) -> JSONValue:
        kind = _field_type(exercise, name, where)
        if kind is FieldType.DATE:
            return self.working_day(value, where).isoformat()
        if kind is FieldType.YEAR:
            return self.reference.year + as_int(value, where)
        if kind is FieldType.TAGS:
            return [self.skill(skill, where) for skill in as_str_list(value, where)]
        if kind is FieldType.MULTICHOICE:
            return json_list(as_str_list(value, where))
        if isinstance(value, (bool, int, float, str)):
            return value
        raise DemoDataError(f"{where}: unexpected value")

    def skill(self, name: str, where: str) -> str:
        if name not in self.skills:
            raise DemoDataError(f"{where}: the skill {name!r} has no label in [skills]")
        return self.skills[name]

    def ledger(self) -> list[LedgerEntry]:
        notes = as_table(self.texts.get("ledger", {}), "ledger")
        rows = self.facts.get("ledger", [])
        if not isinstance(rows, list):
            raise DemoDataError("ledger: expected an array of tables")
        entries = []
        sessions: set[datetime.date] = set()
        for index, raw in enumerate(rows):
            where = f"ledger[{index}]"
            row = as_table(raw, where)
            day = self.day(row.get("day"), f"{where}.day")
            minutes = as_int(row.get("minutes"), f"{where}.minutes")
            if "exercise" in row:
                exercise = self.pack.exercise(as_str(row["exercise"], f"{where}.exercise"))
                if exercise is None:
                    raise DemoDataError(f"{where}: no exercise {row['exercise']!r} in the pack")
                entry = LedgerEntry(
                    day,
                    minutes,
                    exercise.phase,
                    "personnel",
                    source="auto",
                    exercise_id=exercise.id,
                )
            else:
                phase = as_str(row.get("phase"), f"{where}.phase")
                kind = as_str(row.get("kind"), f"{where}.kind")
                if phase not in PHASE_IDS or kind not in KINDS:
                    raise DemoDataError(f"{where}: unknown phase or kind")
                note_key = as_str(row.get("note"), f"{where}.note")
                note = as_str(notes.get(note_key), f"ledger.{note_key}")
                if kind == "accompagnement":
                    day = nearest_working_day(day)
                    while day in sessions:  # two sessions never share a day
                        day = next_working_day(day + datetime.timedelta(days=1))
                    sessions.add(day)
                entry = LedgerEntry(day, minutes, phase, kind, note=note)
                self.sessions[note_key] = entry
            entries.append(entry)
        return sorted(entries, key=lambda entry: entry.date)

    def journal(self) -> list[tuple[LedgerEntry, SessionNote]]:
        """Journal pages, each for the ledger line whose note has the same name."""
        facts = as_table(self.facts.get("journal", {}), "journal")
        texts = as_table(self.texts.get("journal", {}), "journal")
        pages = []
        for name in {**facts, **texts}:
            where = f"journal.{name}"
            entry = self.sessions.get(name)
            if entry is None or entry.kind != "accompagnement":
                raise DemoDataError(f"{where}: no session with the consultant noted {name!r}")
            page_facts = as_table(facts.get(name, {}), where)
            page_texts = as_table(texts.get(name, {}), where)
            items = as_str_list(page_texts.get("todo", []), f"{where}.todo")
            done = page_facts.get("done", [])
            if not isinstance(done, list) or len(done) > len(items):
                raise DemoDataError(f"{where}.done: one true or false per item at most")
            todo = tuple(
                TodoItem(item, bool(done[index]) if index < len(done) else False)
                for index, item in enumerate(items)
            )
            note = SessionNote(
                prepare=as_str(page_texts.get("prepare", ""), f"{where}.prepare"),
                retain=as_str(page_texts.get("retain", ""), f"{where}.retain"),
                todo=todo,
            )
            pages.append((entry, note))
        return pages


def demo_script(pack: Pack, reference: datetime.date) -> DemoScript:
    """The demo's content for ``pack`` (a shipped pack), dated around ``reference``.

    Raises:
        DemoDataError: The data names something the pack lacks, or holds a
            value of the wrong type.
    """
    facts = load_facts()
    texts = load_texts(pack.language)
    skills = {
        name: as_str(label, f"skills.{name}")
        for name, label in as_table(texts.get("skills", {}), "skills").items()
    }
    builder = _Builder(pack, reference, facts, texts, skills)
    for name in (*facts, *texts):
        if name not in TOP_LEVEL and pack.exercise(name) is None:
            raise DemoDataError(f"{name}: no such exercise in pack {pack.id!r}")
    for exercise in pack.exercises:
        if exercise.id in facts or exercise.id in texts:
            builder.exercise(exercise)
    return DemoScript(
        display_name=as_str(facts.get("display_name"), "display_name"),
        language=pack.language,
        answers=tuple(builder.answers),
        statuses=dict(builder.statuses),
        ledger=tuple(builder.ledger()),
        journal=tuple(builder.journal()),
    )


def _meta(table: Table, exercise: Exercise) -> Table:
    """The underscore keys of an exercise's table, checked against its kind."""
    meta = {key: value for key, value in table.items() if key.startswith("_")}
    for key in meta:
        if key not in _COMMON_META | _META[exercise.kind]:
            raise DemoDataError(f"{exercise.id}.{key}: not used by a {exercise.kind} exercise")
    return meta


def _merge(facts: Table, texts: Table, where: str) -> Table:
    _no_overlap(facts, texts, where)
    return facts | texts


def _no_overlap(facts: Table, texts: Table, where: str) -> None:
    """A value lives in one file only: given in both, one of them would be lost."""
    for key in sorted(set(facts) & set(texts)):
        raise DemoDataError(f"{where}.{key}: given in both the facts and the texts")


def _split(table: Table) -> tuple[Table, dict[str, Table]]:
    """Plain values and entries (sub-tables) of a table, underscore keys left out."""
    plain: Table = {}
    entries: dict[str, Table] = {}
    for key, value in table.items():
        if key.startswith("_"):
            continue
        if isinstance(value, dict):
            entries[key] = value
        else:
            plain[key] = value
    return plain, entries


def _field_type(exercise: Exercise, name: str, where: str) -> FieldType:
    found = exercise.field(name)
    if found is None:
        raise DemoDataError(f"{where}: exercise {exercise.id!r} has no field {name!r}")
    return found.type


def _text_value(exercise: Exercise, name: str, value: object, where: str) -> JSONValue:
    """A value from a language file: text, or a list of tags as written."""
    kind = _field_type(exercise, name, where)
    if kind is FieldType.TAGS:
        return json_list(as_str_list(value, where))
    if kind in (FieldType.TEXT, FieldType.LONGTEXT):
        return as_str(value, where)
    raise DemoDataError(f"{where}: a {kind} value belongs in facts.toml")
