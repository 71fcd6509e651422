"""Stored records that are not answers: ledger entries, homework, consents.

Plain dataclasses so the store, the ledger arithmetic and the interface share
one shape without the domain importing SQLModel.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .answers import JSONValue


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One line of the hours ledger.

    Attributes:
        id: Database id; ``None`` until stored.
        date: The day the time was spent.
        minutes: Duration in whole minutes.
        phase: One of ``PHASE_IDS``.
        kind: ``accompagnement`` (with the consultant, counts toward the 24 h)
            or ``personnel`` (personal work, counted apart).
        note: Free text the person wrote.
        source: ``manual`` (typed) or ``auto`` (counted while an exercise was open).
        exercise_id: The exercise an automatic entry was counted in.
    """

    date: datetime.date
    minutes: int
    phase: str
    kind: str
    note: str = ""
    source: str = "manual"
    exercise_id: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Homework:
    """A homework assignment a consultant handed out, as imported.

    Attributes:
        pack_id: The pack its exercises come from.
        exercises: Exercise ids to work on, in the consultant's order.
        file_hash: Hash of the homework file; importing it twice keeps one copy.
        due: The day it is due, if the consultant gave one.
        message: The consultant's note to the person.
        imported_at: When it was imported (UTC); set by the store.
        id: Database id; ``None`` until stored.
    """

    pack_id: str
    exercises: tuple[str, ...]
    file_hash: str
    due: datetime.date | None = None
    message: str = ""
    imported_at: datetime.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Consent:
    """The person's agreement to one export made for someone else.

    The law makes the beneficiary the only recipient of the results; this
    local record is the trace of each time they chose to share.

    Attributes:
        recipient: ``consultant``, ``cep``, ``employer`` or ``other``.
        scope: ``synthese``, ``detail``, ``homework`` or ``evaluation``.
        format: ``md``, ``html`` or ``json``.
        include_private: Whether private fields (health...) were included.
        path: Where the export was written.
        date: When (UTC); the store fills it in if left ``None``.
        id: Database id; ``None`` until stored.
    """

    recipient: str
    scope: str
    format: str
    include_private: bool = False
    path: str = ""
    date: datetime.datetime | None = None
    id: int | None = None

    def to_json(self) -> dict[str, JSONValue]:
        """This consent as ``bilan status --json`` lists it and the JSON export carries it.

        One shape for both, kept beside the record so the export (which may
        import the domain only) and the status report cannot drift apart.
        """
        return {
            "date": self.date.isoformat() if self.date else None,
            "recipient": self.recipient,
            "scope": self.scope,
            "format": self.format,
            "include_private": self.include_private,
            "path": self.path,
        }


@dataclass(frozen=True, slots=True)
class WorkbookInfo:
    """What a workbook says about itself.

    Attributes:
        name: The workbook's name (its file name without ``.sqlite``).
        language: ``fr`` or ``en``: the language it was started in.
        created_at: When it was created (UTC).
        pack_ids: Packs answered in it, in first-use order.
    """

    name: str
    language: str
    created_at: datetime.datetime
    pack_ids: tuple[str, ...] = ()
