"""The *résultats détaillés*: every exercise in phase order, every answer, every score.

Answers whose field or exercise left the pack are not lost: they close the
document under their own heading. A homework export is the same document cut
down to the exercises of one assignment.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from bilan_tui.domain.answers import POSITION, JSONValue, is_known, known_field_ids
from bilan_tui.domain.journal import SessionNote
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.records import Homework

from . import detail_kinds as kinds
from . import skills_gap
from .common import confidentiality, phase_title, status_phrase, title_block
from .contents import part_of
from .doc import Doc, labelled
from .journal import journal_section, pages
from .options import ExportOptions
from .source import ExportSource
from .values import Reader
from .wording import Wording


def exercise_section(
    doc: Doc, source: ExportSource, options: ExportOptions, exercise: Exercise, level: int
) -> None:
    """One exercise: its title, its state, then its answers and results."""
    words = Wording(source.language)
    doc.heading(level, exercise.title)
    doc.note(status_phrase(source, exercise, words))
    if not source.explored(exercise):
        hidden = source.withheld.get(exercise.ref, 0)
        if hidden:
            doc.note(words("private_hidden", count=hidden))
        return
    answers = source.exercise_answers(exercise.ref)
    reader = Reader(exercise, answers, words, options.include_private)
    unanswered = 0
    if exercise.kind is Kind.RECORDS:
        kinds.records(doc, reader, level + 1)
        if exercise.id == skills_gap.LEADS_ID and not exercise.listed_as:
            skills_gap.skills_gap_section(doc, source, level + 1, complete=True)
    else:
        if exercise.kind is Kind.LIKERT:
            kinds.likert(doc, source, exercise, words, level + 1)
        elif exercise.kind is Kind.CARDSORT:
            kinds.cardsort(doc, source, exercise, words)
        elif exercise.kind is Kind.GRID:
            kinds.grid(doc, source, exercise, words, level + 1)
        elif exercise.kind is Kind.MATRIX:
            kinds.matrix(doc, source, exercise, words)
        unanswered = kinds.fields(doc, reader)
    hidden = source.withheld.get(exercise.ref, 0)
    notes = []
    if unanswered:
        notes.append(words("unanswered", count=unanswered))
    if hidden:
        notes.append(words("private_hidden", count=hidden))
    if notes:
        doc.note(" ".join(notes))


def orphans(source: ExportSource) -> dict[str, list[tuple[str, str, JSONValue]]]:
    """Answers no longer in the pack, per exercise id: (field id, entry id, value)."""
    found: dict[str, list[tuple[str, str, JSONValue]]] = {}
    for exercise_id, answers in source.answers.items():
        exercise = source.pack.exercise(exercise_id)
        known = known_field_ids(exercise) if exercise is not None else set()
        for (field_id, entry_id), value in sorted(answers.values.items()):
            if field_id == POSITION or value is None:
                continue
            if exercise is None or not is_known(exercise, field_id, known):
                found.setdefault(exercise_id, []).append((field_id, entry_id, value))
    return found


def raw_text(value: JSONValue) -> str:
    """Any stored value as text, for answers the pack no longer describes."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(str(item) for item in value)
    return json.dumps(value, ensure_ascii=False)


def orphan_section(doc: Doc, source: ExportSource, options: ExportOptions, level: int) -> None:
    """Answers whose field or exercise left the pack, kept as they were typed."""
    found = orphans(source)
    if not found and not source.withheld_orphans:
        return
    words = Wording(source.language)
    doc.heading(level, words("orphans"))
    if source.withheld_orphans:
        doc.para(words("orphans_withheld", count=source.withheld_orphans))
    if not found:
        return
    doc.para(words("orphans_explained"))
    for exercise_id, values in found.items():
        exercise = source.pack.exercise(exercise_id)
        doc.heading(level + 1, exercise.title if exercise else exercise_id)
        items = []
        for field_id, entry_id, value in values:
            label = field_id if not entry_id else f"{field_id} ({entry_id[:8]})"
            items.append(labelled(label, raw_text(value), doc.colon))
        doc.bullets(items)


def detail_markdown(source: ExportSource, options: ExportOptions) -> str:
    """The detailed results as Markdown."""
    words = Wording(source.language)
    doc = Doc(words.colon())
    title_block(doc, words("detail_title"), source, options)
    doc.para(words("detail_intro"))
    for phase in source.pack.phases:
        chosen = [e for e in phase.exercises if part_of(e.ref) in options.parts]
        if not chosen:
            continue
        doc.heading(2, phase_title(phase.id, words))
        for exercise in chosen:
            exercise_section(doc, source, options, exercise, 3)
    if "arrangements" in options.parts:
        journal_section(doc, source, 2)
    orphan_section(doc, source, options, 2)
    confidentiality(doc, source, options, 2)
    return doc.text()


def homework_markdown(source: ExportSource, options: ExportOptions, homework: Homework) -> str:
    """The exercises of one assignment, with their answers, for the consultant."""
    words = Wording(source.language)
    doc = Doc(words.colon())
    title_block(doc, words("homework_title"), source, options)
    if homework.due is not None:
        doc.raw(labelled(words("due"), words.date(homework.due), doc.colon))
    if homework.message.strip():
        doc.raw(labelled(words("consultant_message"), homework.message.strip(), doc.colon))
    for exercise in homework_exercises(source, homework.exercises):
        exercise_section(doc, source, options, exercise, 2)
    journal_section(doc, source, 2, homework_journal(source, homework))
    confidentiality(doc, source, options, 2)
    return doc.text()


def homework_journal(source: ExportSource, homework: Homework) -> list[SessionNote]:
    """The journal pages of the sessions since the assignment came, and those planned."""
    since = homework.imported_at.date() if homework.imported_at else None
    return pages(source, since)


def homework_exercises(source: ExportSource, ids: Sequence[str]) -> list[Exercise]:
    """The assignment's exercises that the pack still has, in the consultant's order."""
    found = (source.pack.exercise(exercise_id) for exercise_id in ids)
    return [exercise for exercise in found if exercise is not None]
