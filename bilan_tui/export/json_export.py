"""The JSON export: the data itself, with a schema version, so it outlives the app.

Every exercise carries its answers (raw value and readable text), its record
entries and its derived results; the hours ledger, the consents and the
homework come along. The synthesis scope holds the synthesis sections instead
of the raw answers. Private fields are left out unless the person opts in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bilan_tui import __version__
from bilan_tui.domain.answers import Entry
from bilan_tui.domain.journal import SessionNote
from bilan_tui.domain.ledger import to_json as ledger_json
from bilan_tui.domain.model import Exercise, Kind

from .contents import ordered, part_of
from .detail import orphans
from .journal import journal_json
from .json_results import DERIVED
from .options import ExportOptions
from .skills_gap import gap_json
from .source import ExportSource
from .values import Reader, display
from .wording import Wording

SCHEMA = "bilan-tui/export"
SCHEMA_VERSION = 1
"""Raised whenever a key changes meaning or disappears; new keys keep it."""


def _fields(reader: Reader, entry: Entry | None = None) -> list[dict[str, Any]]:
    exercise = reader.exercise
    out = []
    for field in exercise.fields if exercise else ():
        if reader.field(field.id) is None:
            continue
        value = entry.values.get(field.id) if entry else reader.answers.get(field.id)
        if value is None:
            continue
        out.append(
            {
                "id": field.id,
                "label": field.label,
                "type": field.type.value,
                "value": value,
                "text": display(field, value, reader.words),
            }
        )
    return out


def exercise_json(
    source: ExportSource, options: ExportOptions, exercise: Exercise
) -> dict[str, Any]:
    """One exercise: state, answers, entries and derived results."""
    reader = Reader(
        exercise,
        source.exercise_answers(exercise.ref),
        Wording(source.language),
        options.include_private,
    )
    data: dict[str, Any] = {
        "id": exercise.id,
        "phase": exercise.phase,
        "title": exercise.title,
        "kind": exercise.kind.value,
        "status": source.status(exercise.ref).value,
    }
    if exercise.kind is Kind.RECORDS:
        data["entries"] = [
            {"id": entry.id, "position": entry.position, "fields": _fields(reader, entry)}
            | gap_json(entry.values, source.referential_labels)
            for entry in reader.answers.entries()
        ]
    else:
        data["fields"] = _fields(reader)
    withheld = source.withheld.get(exercise.ref, 0)
    if withheld:
        data["private_withheld"] = withheld
    derive = DERIVED.get(exercise.kind)
    if derive is not None and source.explored(exercise):
        data["results"] = derive(source, exercise)
    return data


def _orphans(source: ExportSource) -> dict[str, Any]:
    found = orphans(source)
    return {
        "withheld": source.withheld_orphans,
        "answers": [
            {"exercise_id": exercise_id, "field_id": field_id, "entry_id": entry_id, "value": value}
            for exercise_id, values in found.items()
            for field_id, entry_id, value in values
        ],
    }


def _records(source: ExportSource) -> dict[str, Any]:
    hours = ledger_json(source.ledger_summary())
    hours["entries"] = [
        {
            "date": entry.date.isoformat(),
            "minutes": entry.minutes,
            "phase": entry.phase,
            "kind": entry.kind,
            "note": entry.note,
            "source": entry.source,
            "exercise_id": entry.exercise_id,
        }
        for entry in source.ledger
    ]
    return {
        "hours": hours,
        "journal": journal_json(source),
        "consents": [consent.to_json() for consent in source.consents],
        "homework": [
            {
                "id": homework.id,
                "pack_id": homework.pack_id,
                "exercises": list(homework.exercises),
                "due": homework.due.isoformat() if homework.due else None,
                "message": homework.message,
            }
            for homework in source.homework
        ],
    }


def json_document(
    source: ExportSource,
    options: ExportOptions,
    *,
    exercises: Sequence[Exercise] | None = None,
    sections: Sequence[Any] = (),
    journal: Sequence[SessionNote] | None = None,
) -> str:
    """The export as indented JSON text.

    Args:
        source: The workbook's snapshot.
        options: The request.
        exercises: The exercises to include (all of the pack by default).
        sections: For the synthesis: its sections (id, title, markdown).
        journal: For a homework export: the journal pages it carries.
    """
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generator": f"bilan-tui {__version__}",
        "generated_on": options.date.isoformat(),
        "scope": options.scope,
        "recipient": options.recipient,
        "include_private": options.include_private,
        "content": ordered(options.parts),
        "language": source.language,
        "beneficiary": source.name or None,
        "workbook": {
            "name": source.workbook_name,
            "created_at": source.created_at.isoformat() if source.created_at else None,
        },
        "pack": {
            "id": source.pack.id,
            "version": source.pack.version,
            "language": source.pack.language,
            "title": source.pack.title,
        },
    }
    if options.scope == "suivi":
        from .follow_up import follow_up_json

        data["follow_up"] = follow_up_json(source, options)
    elif options.scope == "synthese":
        data["synthesis"] = [
            {"id": section.id, "title": section.title, "markdown": section.markdown}
            for section in sections
        ]
        if "arrangements" in options.parts:
            data["hours"] = ledger_json(source.ledger_summary())
    else:
        chosen = source.pack.exercises if exercises is None else exercises
        data["exercises"] = [
            exercise_json(source, options, exercise)
            for exercise in chosen
            if part_of(exercise.ref) in options.parts
        ]
        if journal is not None:
            data["journal"] = journal_json(source, journal)
        if options.scope == "detail":
            data["answers_no_longer_in_pack"] = _orphans(source)
            if "arrangements" in options.parts:
                data.update(_records(source))
            data["other_packs"] = [
                {
                    "pack_id": answer.key.pack_id,
                    "exercise_id": answer.key.exercise_id,
                    "field_id": answer.key.field_id,
                    "entry_id": answer.key.entry_id,
                    "value": answer.value,
                }
                for answer in source.other_answers
            ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
