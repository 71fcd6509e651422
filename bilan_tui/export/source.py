"""Everything an export reads, gathered once from the open workbook.

Exports are pure functions of an :class:`ExportSource`: reading the workbook
once (one query for all answers) keeps an export fast, lets the preview and
the written file show exactly the same thing, and lets tests build a source
without a database. Reading it from an open session is a use case
(``services.export_source.collect``): this package imports the domain only.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bilan_tui.domain.answers import Answer, Entry, ExerciseAnswers
from bilan_tui.domain.journal import SessionNote
from bilan_tui.domain.ledger import LedgerSummary, summarise
from bilan_tui.domain.model import PHASE_IDS, Exercise, ExerciseStatus, Pack, qualified_ref
from bilan_tui.domain.records import Consent, Homework, LedgerEntry


@dataclass(frozen=True)
class ExportSource:
    """A snapshot of one workbook, answered with one pack.

    Attributes:
        pack: The pack the workbook is answered with.
        language: The export's language (``fr`` or ``en``): the pack's, which
            the workbook's language (or ``--lang``) chose.
        name: Who the bilan belongs to, as she gave her name; ``""`` if she
            gave none (the documents then say "the person taking this bilan").
        workbook_name: The workbook's file name without extension.
        created_at: When the workbook was started.
        answers: Per exercise id of the pack, its answers (exercises that
            left the pack included).
        statuses: Per exercise id, its status.
        ledger: Every ledger entry.
        consents: Every recorded consent.
        homework: Every imported assignment.
        other_answers: Answers of other packs (kept in the JSON export).
        withheld: Per exercise ref, how many private answers
            ``export.privacy.shareable`` removed from this snapshot.
        withheld_orphans: How many answers no pack describes any more it
            removed (a copy for someone else cannot tell if they were private).
        filtered: Whether this snapshot went through ``shareable`` (it holds
            only what the document may show).
        journal: The session journal's pages, planned and held.
        referential_labels: Labels of the ROME items her skills-gap marks name, by
            code, in each fiche's order; given by the caller when the referential
            is imported (``leads.referential_labels``), empty otherwise.
    """

    pack: Pack
    language: str
    name: str
    workbook_name: str = ""
    created_at: datetime.datetime | None = None
    answers: Mapping[str, ExerciseAnswers] = field(default_factory=dict)
    statuses: Mapping[str, ExerciseStatus] = field(default_factory=dict)
    ledger: tuple[LedgerEntry, ...] = ()
    consents: tuple[Consent, ...] = ()
    homework: tuple[Homework, ...] = ()
    other_answers: tuple[Answer, ...] = ()
    withheld: Mapping[str, int] = field(default_factory=dict)
    withheld_orphans: int = 0
    filtered: bool = False
    referential_labels: Mapping[str, str] = field(default_factory=dict)
    journal: tuple[SessionNote, ...] = ()

    def exercise_answers(self, exercise_id: str) -> ExerciseAnswers:
        """The answers of one exercise, by its ref (empty if none)."""
        found = self.answers.get(exercise_id)
        return found if found is not None else ExerciseAnswers(self.pack.id, exercise_id)

    def status(self, exercise_id: str) -> ExerciseStatus:
        """An exercise's status, ``todo`` if unknown."""
        return self.statuses.get(exercise_id, ExerciseStatus.TODO)

    def explored(self, exercise: Exercise | None) -> bool:
        """Whether an exercise exists and holds at least one answer."""
        return exercise is not None and self.exercise_answers(exercise.ref).has_any()

    def entries(self, exercise_id: str) -> list[Entry]:
        """The record entries of an exercise, in the person's order."""
        return self.exercise_answers(exercise_id).entries()

    def ledger_summary(self) -> LedgerSummary:
        """The hours added up, against the hours planned in ``modalites``."""
        modalites = self.exercise_answers("modalites")
        planned: dict[str, float | None] = {}
        for phase_id in PHASE_IDS:
            value = modalites.get(f"heures_{phase_id}")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                planned[phase_id] = float(value)
            else:
                planned[phase_id] = None
        return summarise(self.ledger, planned)


def group_answers(
    pack_id: str, answers: Iterable[Answer], installed: Iterable[str] = ()
) -> dict[str, ExerciseAnswers]:
    """Answers of the library's packs, grouped by exercise ref.

    The home pack's exercises go by their id; an installed pack's by
    ``"<pack id>:<exercise id>"``, as :attr:`Exercise.ref` names them in a
    library, so exports find a consultant's exercises under the same name as
    the dashboard does.
    """
    others = set(installed)
    grouped: dict[str, ExerciseAnswers] = {}
    for answer in answers:
        key = answer.key
        if key.pack_id == pack_id:
            ref = key.exercise_id
        elif key.pack_id in others:
            ref = qualified_ref(key.pack_id, key.exercise_id)
        else:
            continue
        found = grouped.get(ref)
        if found is None:
            found = grouped[ref] = ExerciseAnswers(key.pack_id, key.exercise_id)
        found.values[(key.field_id, key.entry_id)] = answer.value
    return grouped
