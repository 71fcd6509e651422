"""The content model: packs, phases and exercises (their parts are in ``parts.py``).

These are plain frozen dataclasses so that every layer (loader, store, export,
interface) can share them without importing anything heavier than the stdlib.
A pack is read once and never mutated; answers live elsewhere (see
``answers.py``) and are keyed by the stable ids defined here. The dashboard's first frame
needs only the classes here; creating a frozen dataclass costs about a
millisecond, so the fields, items and cards an exercise is made of live in
``parts.py``, imported with the full pack a moment later (DESIGN §12).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parts load with the full pack, after the first frame
    from .parts import Card, Criterion, Dimension, Field, Group, Item, Pile, Scale, Source

PHASE_IDS: tuple[str, ...] = ("preliminaire", "investigation", "conclusions")
"""The three legal phases of R6313-4, in their mandatory order."""


REF_SEPARATOR = ":"
"""Between a pack id and an exercise id in an installed exercise's ref."""


def qualified_ref(pack_id: str, exercise_id: str) -> str:
    """How an installed pack's exercise is listed in a library (``pack:id``)."""
    return f"{pack_id}{REF_SEPARATOR}{exercise_id}"


class Kind(StrEnum):
    """How an exercise is worked through; each kind has its own widget."""

    FORM = "form"
    RECORDS = "records"
    LIKERT = "likert"
    CARDSORT = "cardsort"
    GRID = "grid"
    MATRIX = "matrix"


class ExerciseStatus(StrEnum):
    """Where the person stands with an exercise."""

    TODO = "todo"
    STARTED = "started"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise of a pack.

    Every kind may carry ``fields``: for a ``form`` they are the exercise; for
    a ``records`` exercise they describe one entry; for the other kinds they
    are extra questions asked after the main work (what energises, what
    drains...). The kind-specific tuples are empty when they do not apply.
    """

    id: str
    title: str
    kind: Kind
    phase: str
    guidance: str = ""
    summary: str = ""
    minutes: int = 0
    fields: tuple[Field, ...] = ()
    entry_label: str = ""
    summary_fields: tuple[str, ...] = ()
    sort_by: str = ""
    scale: Scale | None = None
    dimensions: tuple[Dimension, ...] = ()
    items: tuple[Item, ...] = ()
    top: int = 0
    piles: tuple[Pile, ...] = ()
    cards: tuple[Card, ...] = ()
    groups: tuple[Group, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    source: Source | None = None
    pack_id: str = ""
    path: str = ""
    listed_as: str = ""

    @property
    def ref(self) -> str:
        """The name this exercise goes by in lists, status tables and references.

        Its own id, except inside a library that merges installed packs into
        the shipped one (``bilan_tui.packs.library``): there an installed
        pack's exercise is ``"<pack id>:<exercise id>"`` (``listed_as``), so
        that two packs using the same exercise id never collide. Answers are
        still keyed by ``pack_id`` and ``id``.
        """
        return self.listed_as or self.id

    def field(self, field_id: str) -> Field | None:
        """The field with this id, if the exercise has one."""
        for candidate in self.fields:
            if candidate.id == field_id:
                return candidate
        return None


@dataclass(frozen=True, slots=True)
class Phase:
    """A legal phase and the exercises it holds, in order."""

    id: str
    exercises: tuple[Exercise, ...] = ()


@dataclass(frozen=True, slots=True)
class Pack:
    """A content pack: metadata and its phases in legal order.

    Attributes:
        id: Stable id, part of every answer's key.
        version: The pack's own version, shown by ``bilan pack list``.
        language: ``fr`` or ``en``.
        title: Shown beside exercises that come from an installed pack.
        author: Who wrote it.
        licence: Under which terms.
        phases: Only the phases that hold exercises, in legal order.
        root: Where the pack was read from.
        installed: In a library (the shipped pack with installed packs merged
            in, see ``bilan_tui.packs.library``), the installed packs whose
            exercises follow the shipped ones in each phase; empty otherwise.
    """

    id: str
    version: str
    language: str
    title: str
    author: str = ""
    licence: str = ""
    description: str = ""
    phases: tuple[Phase, ...] = ()
    root: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    installed: tuple[Pack, ...] = ()

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """Every exercise in phase order."""
        return tuple(ex for phase in self.phases for ex in phase.exercises)

    def exercise(self, exercise_id: str) -> Exercise | None:
        """The exercise with this id (its ``ref`` in a library), if the pack has one."""
        for exercise in self.exercises:
            if exercise.ref == exercise_id:
                return exercise
        return None

    def find(self, pack_id: str, exercise_id: str) -> Exercise | None:
        """The exercise ``exercise_id`` of pack ``pack_id``, here or in an installed pack."""
        for exercise in self.exercises:
            if exercise.id == exercise_id and (exercise.pack_id or self.id) == pack_id:
                return exercise
        return None

    def pack_title(self, pack_id: str) -> str:
        """The title of this pack or of one of its installed packs (the id if unknown)."""
        if pack_id == self.id:
            return self.title
        for pack in self.installed:
            if pack.id == pack_id:
                return pack.title
        return pack_id

    def phase(self, phase_id: str) -> Phase | None:
        """The phase with this id, if the pack fills it."""
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        return None
