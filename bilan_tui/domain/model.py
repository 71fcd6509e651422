"""The content model: packs, phases, exercises and the fields they ask for.

These are plain frozen dataclasses so that every layer (loader, store, export,
interface) can share them without importing anything heavier than the stdlib.
A pack is read once and never mutated; answers live elsewhere (see
``answers.py``) and are keyed by the stable ids defined here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

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


class FieldType(StrEnum):
    """The input types available in a form and inside a record entry."""

    TEXT = "text"
    LONGTEXT = "longtext"
    NUMBER = "number"
    DATE = "date"
    YEAR = "year"
    CHOICE = "choice"
    MULTICHOICE = "multichoice"
    RATING = "rating"
    CHECKBOX = "checkbox"
    TAGS = "tags"


class ExerciseStatus(StrEnum):
    """Where the person stands with an exercise."""

    TODO = "todo"
    STARTED = "started"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a ``choice`` or ``multichoice`` field."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Field:
    """One typed question.

    Attributes:
        id: Stable id; answers are keyed by it forever.
        type: The input type.
        label: The question as the person reads it.
        help: A short hint shown under the label.
        required: Whether the exercise counts as complete only with it.
        private: Sensitive (health, family): left out of exports unless the
            person opts in.
        choices: Options for ``choice`` / ``multichoice``.
        min: Lower bound for ``number`` / ``rating`` / ``year``.
        max: Upper bound for ``number`` / ``rating`` / ``year``.
        min_label: What the low end of a rating means.
        max_label: What the high end of a rating means.
        placeholder: Example text shown in an empty input.
    """

    id: str
    type: FieldType
    label: str
    help: str = ""
    required: bool = False
    private: bool = False
    choices: tuple[Choice, ...] = ()
    min: int | None = None
    max: int | None = None
    min_label: str = ""
    max_label: str = ""
    placeholder: str = ""

    def choice_label(self, choice_id: str) -> str:
        """The label of one of this field's choices, or the id if unknown."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice.label
        return choice_id


@dataclass(frozen=True, slots=True)
class Dimension:
    """A scored dimension of a likert exercise (a RIASEC type, an aptitude)."""

    id: str
    title: str
    description: str = ""
    letter: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """A statement to rate (likert) or a competence to place (grid)."""

    id: str
    text: str
    dimension: str = ""
    group: str = ""


@dataclass(frozen=True, slots=True)
class Scale:
    """An answer scale of consecutive integers with a label for each point."""

    min: int
    max: int
    labels: tuple[str, ...] = ()

    @property
    def points(self) -> range:
        """Every value the scale accepts."""
        return range(self.min, self.max + 1)

    def label(self, value: int) -> str:
        """The label of one point, or the number itself if unlabelled."""
        index = value - self.min
        if 0 <= index < len(self.labels):
            return self.labels[index]
        return str(value)


@dataclass(frozen=True, slots=True)
class Pile:
    """A pile of a card sort (essential, important, secondary)."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Card:
    """A card to sort: a work value and its one-line meaning."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Group:
    """A group of grid items (savoirs, savoir-faire, savoir-être)."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Criterion:
    """A criterion of a decision matrix, proposed with a default weight."""

    id: str
    title: str
    weight: int = 3


@dataclass(frozen=True, slots=True)
class Source:
    """A reference to values typed in another exercise's records.

    The grid draws extra items from the tags of ``exercise.field``; the matrix
    draws its options from the entries of ``exercise`` labelled by ``field``.
    """

    exercise: str
    field: str


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
