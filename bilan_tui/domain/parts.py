"""What an exercise is made of: fields, scales, items, piles, cards, criteria.

Split from :mod:`bilan_tui.domain.model`, which the dashboard's first frame
imports (it only needs packs, phases and exercise titles): these classes are
needed only once the full pack is loaded. Plain frozen dataclasses, stdlib only.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .conditions import Condition


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


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a ``choice`` or ``multichoice`` field.

    Attributes:
        id: Stable id; answers store it.
        label: What the person reads.
        private: Choosing it makes the answer private (in a records exercise,
            the whole entry): a life event tagged "health" is nobody's business
            even when its other answers are not marked private.
        exclusive: In a ``multichoice``, it cannot be ticked with another
            ("no one" beside recipients): ticking it clears the others, and
            ticking another clears it.
    """

    id: str
    label: str
    private: bool = False
    exclusive: bool = False


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
        when: When the question applies (``bilan_tui.domain.conditions``); ``None``: always.
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
    when: Condition | None = None

    def choice_label(self, choice_id: str) -> str:
        """The label of one of this field's choices, or the id if unknown."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice.label
        return choice_id

    def private_value(self, value: object) -> bool:
        """Whether this answer is private: the field is, or a private choice is picked.

        ``value`` is a stored answer: a choice id, or a list of them for a
        ``multichoice``.
        """
        if self.private:
            return True
        picked = {value} if isinstance(value, str) else value if isinstance(value, list) else ()
        return any(choice.private and choice.id in picked for choice in self.choices)


@dataclass(frozen=True, slots=True)
class Dimension:
    """A scored dimension of a likert exercise (a RIASEC type, an aptitude)."""

    id: str
    title: str
    description: str = ""
    letter: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """A statement to rate (likert) or a competence to place (grid).

    A likert item can also be a forced choice between two statements, one per
    dimension (``versus``, ``versus_text``): the scale then runs from "clearly
    the first" to "clearly the second", and what one gains the other loses.
    Everyone agrees with "I want my work to be useful"; choosing between
    usefulness and a steady income tells something. A ``reverse`` item counts
    the other way: agreeing with it lowers its dimension, so that saying yes to
    everything does not raise every score.

    Attributes:
        id: Stable id; answers are keyed by it forever.
        text: The statement (the first one of a forced choice).
        dimension: The likert dimension it measures (the first one's).
        group: The grid group it belongs to.
        versus: The second dimension of a forced choice ("" otherwise).
        versus_text: The second statement of a forced choice.
        reverse: Whether agreeing lowers the dimension.
        also: Other names a grid item answers to ("écoute active", "sang-froid"):
            a story or feedback using one of them backs this item.
    """

    id: str
    text: str
    dimension: str = ""
    group: str = ""
    versus: str = ""
    versus_text: str = ""
    reverse: bool = False
    also: tuple[str, ...] = ()

    @property
    def forced_choice(self) -> bool:
        """Whether the item is a choice between two statements."""
        return bool(self.versus)


@dataclass(frozen=True, slots=True)
class Scale:
    """An answer scale of consecutive integers with a label for each point."""

    min: int
    max: int
    labels: tuple[str, ...] = ()
    pair_labels: tuple[str, ...] = ()
    """The points' labels for a forced choice ("clearly the first"... "clearly the second")."""

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

    def label_for(self, item: Item, value: int) -> str:
        """The label of one point for ``item``: the pair labels for a forced choice."""
        index = value - self.min
        if item.forced_choice and 0 <= index < len(self.pair_labels):
            return self.pair_labels[index]
        return self.label(value)

    def credit(self, item: Item, value: int) -> tuple[int, int]:
        """Points (from 0 to ``max - min``) for the item's dimension, then for its ``versus``.

        A forced choice gives the first dimension what the second does not get;
        a reversed item gives its dimension the mirror of the answer.
        """
        span = self.max - self.min
        toward_second = value - self.min
        if item.forced_choice:
            return span - toward_second, toward_second
        return (span - toward_second if item.reverse else toward_second), 0


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
    """A criterion of a decision matrix, proposed with a default weight.

    An ``eliminatory`` criterion (a deal-breaker: "respects my limits") has no
    weight: a lead scored 1 or 2 on it is set aside, whatever its total.
    """

    id: str
    title: str
    weight: int = 3
    eliminatory: bool = False


@dataclass(frozen=True, slots=True)
class Source:
    """A reference to values typed in another exercise's records.

    The grid draws extra items from the tags of ``exercise.field``; the matrix
    draws its options from the entries of ``exercise`` labelled by ``field``.
    """

    exercise: str
    field: str


def exclusive_ticks(
    choices: Sequence[Choice], before: Collection[str], now: Collection[str]
) -> list[str]:
    """The ticks of a ``multichoice`` once its exclusive choices are applied, in the field's order.

    ``before`` is what was ticked, ``now`` what the person's last move left
    ticked. A newly ticked exclusive choice ("no one") clears every other
    tick; a newly ticked ordinary choice clears the exclusive ones. Ticks that
    were already there together (an answer saved before the rule) are kept as
    they are until the person changes something.
    """
    added = [choice for choice in choices if choice.id in now and choice.id not in before]
    if any(choice.exclusive for choice in added):
        keep = {next(choice.id for choice in reversed(added) if choice.exclusive)}
    elif added:
        keep = {choice.id for choice in choices if choice.id in now and not choice.exclusive}
    else:
        keep = set(now)
    return [choice.id for choice in choices if choice.id in keep]
