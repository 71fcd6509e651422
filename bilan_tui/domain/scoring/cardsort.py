"""Card sort: which cards sit in which pile, and the ranked top of the first pile.

The first pile (``Essentiel`` in the shipped pack) feeds the ranking. The
person's ranking is stored as a list of card ids; it can go stale when a card
is moved out of the first pile afterwards, so it is always read through the
current piles: stale ids are dropped and first-pile cards not yet ranked are
appended in pack order, so the top list is never shorter than it can be.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..answers import RANK, ExerciseAnswers
from ..keys import DEFINITION_KEYS, PILE_KEYS
from ..model import Exercise
from ..parts import Card, Pile


@dataclass(frozen=True, slots=True)
class PileCards:
    """One pile and the cards the person put in it, in pack order."""

    pile: Pile
    cards: tuple[Card, ...]


@dataclass(frozen=True, slots=True)
class RankedCard:
    """One card of the top list.

    Attributes:
        rank: 1 for the most important.
        card: The card.
        definition: The person's own definition ("" if not written yet).
        ranked_by_person: False when the card was placed by pack order because
            the person has not ranked it yet: the interface can invite them to.
    """

    rank: int
    card: Card
    definition: str
    ranked_by_person: bool


@dataclass(frozen=True, slots=True)
class CardsortResult:
    """The state of a card sort.

    Attributes:
        piles: Every pile of the pack, in pack order, with its cards.
        unsorted: Cards not yet in any (existing) pile, in pack order.
        top: The ranked top of the first pile, at most ``wanted`` cards.
        wanted: How many cards the top should hold (``exercise.top``; 0 means
            every card of the first pile is ranked).
        first_pile_count: How many cards the first pile holds.
    """

    piles: tuple[PileCards, ...]
    unsorted: tuple[Card, ...]
    top: tuple[RankedCard, ...]
    wanted: int
    first_pile_count: int

    @property
    def first_pile(self) -> PileCards | None:
        """The pile the ranking is drawn from, if the exercise has piles."""
        return self.piles[0] if self.piles else None

    @property
    def missing(self) -> int:
        """Cards still to add to the first pile to fill the top ("add 2 more")."""
        return max(self.wanted - self.first_pile_count, 0)

    @property
    def extra(self) -> int:
        """First-pile cards beyond the top: they are kept but not ranked."""
        return max(self.first_pile_count - self.wanted, 0) if self.wanted else 0


def pile_of(exercise: Exercise, answers: ExerciseAnswers, card_id: str) -> str | None:
    """The id of the pile holding a card, or ``None`` (unsorted, or a pile gone from the pack)."""
    value = answers.get(PILE_KEYS.key(card_id))
    if isinstance(value, str) and any(pile.id == value for pile in exercise.piles):
        return value
    return None


def definition(answers: ExerciseAnswers, card_id: str) -> str:
    """The person's definition of a card ("" if none)."""
    value = answers.get(DEFINITION_KEYS.key(card_id))
    return value.strip() if isinstance(value, str) else ""


def sort_cards(exercise: Exercise, answers: ExerciseAnswers) -> CardsortResult:
    """Gather the piles, the unsorted cards and the ranked top."""
    by_pile: dict[str, list[Card]] = {pile.id: [] for pile in exercise.piles}
    unsorted: list[Card] = []
    for card in exercise.cards:
        pile_id = pile_of(exercise, answers, card.id)
        if pile_id is None:
            unsorted.append(card)
        else:
            by_pile[pile_id].append(card)
    piles = tuple(PileCards(pile, tuple(by_pile[pile.id])) for pile in exercise.piles)
    first = piles[0].cards if piles else ()
    wanted = max(exercise.top, 0)

    first_by_id = {card.id: card for card in first}
    stored = answers.get(RANK)
    ranked_ids: list[str] = []
    if isinstance(stored, list):
        for card_id in stored:
            if isinstance(card_id, str) and card_id in first_by_id and card_id not in ranked_ids:
                ranked_ids.append(card_id)
    by_person = len(ranked_ids)
    ranked_ids.extend(card.id for card in first if card.id not in ranked_ids)
    if wanted:
        ranked_ids = ranked_ids[:wanted]
    top = tuple(
        RankedCard(
            rank=index + 1,
            card=first_by_id[card_id],
            definition=definition(answers, card_id),
            ranked_by_person=index < by_person,
        )
        for index, card_id in enumerate(ranked_ids)
    )
    return CardsortResult(
        piles=piles,
        unsorted=tuple(unsorted),
        top=top,
        wanted=wanted,
        first_pile_count=len(first),
    )
