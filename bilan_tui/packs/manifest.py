"""Reading ``pack.toml``: the pack's identity and the order of its exercises."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bilan_tui.domain.model import PHASE_IDS
from bilan_tui.i18n import _

from .limits import MAX_FILES
from .names import LANGUAGES, MANIFEST, invalid_id_message, is_valid_id
from .reader import TableReader
from .source import FileReport, read_toml_file


@dataclass(frozen=True, slots=True)
class PhasePlan:
    """One ``[[phases]]`` entry: a phase id and its exercise ids, in order."""

    id: str
    exercises: tuple[str, ...]


@dataclass(slots=True)
class Manifest:
    """What ``pack.toml`` says; fields stay empty when they could not be read."""

    id: str = ""
    version: str = ""
    language: str = ""
    title: str = ""
    author: str = ""
    licence: str = ""
    description: str = ""
    phases: list[PhasePlan] = field(default_factory=list)


def read_manifest(root: Path, report: FileReport) -> Manifest | None:
    """Read and check ``pack.toml``; ``None`` if it cannot be read at all."""
    document = read_toml_file(root / MANIFEST, report)
    if document is None:
        return None
    table = TableReader(document.data, (), report)
    manifest = Manifest(
        id=table.ident(),
        version=table.text("version", required=True),
        language=table.word("language", required=True),
        title=table.text("title", required=True),
        author=table.text("author"),
        licence=table.text("licence"),
        description=table.text("description"),
    )
    if manifest.language and manifest.language not in LANGUAGES:
        table.problem(
            _("language {language} is not supported (expected fr or en)").format(
                language=repr(manifest.language)
            ),
            "language",
        )
    manifest.phases = _read_phases(table)
    table.finish("pack.toml")
    return manifest


def _read_phases(table: TableReader) -> list[PhasePlan]:
    plans: list[PhasePlan] = []
    latest = -1
    seen_exercises: set[str] = set()
    seen_phases: set[str] = set()
    listed = 0
    for reader in table.tables("phases", "phase", required=True, most=MAX_FILES):
        phase_id = reader.ident()
        exercises = reader.strings("exercises", required=True)
        reader.finish("phase")
        listed += len(exercises)
        if listed > MAX_FILES:
            reader.too_many("exercises", len(exercises), MAX_FILES)
            exercises = []
        where = (*reader.where, "exercises")
        counts: dict[str, int] = {}
        for exercise in exercises:
            occurrence = counts.get(exercise, 0)
            counts[exercise] = occurrence + 1
            if not is_valid_id(exercise):
                reader.report.at_value(where, exercise, invalid_id_message(exercise), occurrence)
            elif exercise in seen_exercises:
                message = _("exercise {id} is listed more than once").format(id=repr(exercise))
                reader.report.at_value(where, exercise, message, occurrence)
            seen_exercises.add(exercise)
        where_id = (*reader.where, "id")
        if phase_id in PHASE_IDS:
            position = PHASE_IDS.index(phase_id)
            if phase_id in seen_phases:
                reader.report.at(where_id, _("phase {id} is repeated").format(id=repr(phase_id)))
            elif position < latest:
                order = ", ".join(PHASE_IDS)
                message = _("phase {id} is out of order (the legal order is {order})").format(
                    id=repr(phase_id), order=order
                )
                reader.report.at(where_id, message)
            latest = max(latest, position)
            seen_phases.add(phase_id)
        elif phase_id:
            expected = ", ".join(PHASE_IDS)
            message = _("unknown phase {id} (expected one of {expected})").format(
                id=repr(phase_id), expected=expected
            )
            reader.report.at(where_id, message)
        # Kept even when wrong: its exercises are listed, not stray files.
        plans.append(PhasePlan(phase_id, tuple(exercises)))
    return plans
