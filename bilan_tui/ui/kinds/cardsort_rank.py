"""Step 2 of a card sort: order the first pile; its first N cards are the top.

The order is stored at ``RANK`` as the list of every first-pile card id, so a
card moved up from below the line enters the top and the one it displaces
stays just under it. What counts as ranked is always read back through
:func:`sort_cards`, which drops cards that left the first pile since.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from bilan_tui.domain.answers import RANK, ExerciseAnswers, JSONValue
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.parts import Card
from bilan_tui.domain.scoring.cardsort import CardsortResult, sort_cards
from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain

from .base import ExerciseBody
from .records_editor import mouse_button


def first_pile_order(exercise: Exercise, answers: ExerciseAnswers) -> list[Card]:
    """Every card of the first pile, in the person's order (the top first)."""
    result = sort_cards(exercise, answers)
    if result.first_pile is None:
        return []
    first = {card.id: card for card in result.first_pile.cards}
    order = [ranked.card for ranked in result.top]
    stored = answers.get(RANK)
    if isinstance(stored, list):
        order.extend(
            first[card_id]
            for card_id in stored
            if isinstance(card_id, str) and card_id in first and first[card_id] not in order
        )
    order.extend(card for card in result.first_pile.cards if card not in order)
    return order


class RankList(OptionList):
    """The first pile in order; ctrl+↑/↓ (or K/J) move the highlighted card."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+up",
            "move(-1)",
            N_("Move up"),
            tooltip=N_("Move the card up"),
            id="rank-list.move-minus1",
        ),
        Binding(
            "ctrl+down",
            "move(1)",
            N_("Move down"),
            tooltip=N_("Move the card down"),
            id="rank-list.move-1",
        ),
        Binding(
            "enter",
            "select",
            N_("Keep this order"),
            tooltip=N_("Save the order as it is"),
            id="rank-list.select",
        ),
        Binding("K", "move(-1)", N_("Move up"), show=False, id="rank-list.move-minus1--"),
        Binding("J", "move(1)", N_("Move down"), show=False, id="rank-list.move-1--"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+up | Move the card up |
    | ctrl+down | Move the card down |
    | enter | Save the order as it is |
    | K | Move up |
    | J | Move down |
    """

    def action_move(self, step: int) -> None:
        """A move key: move the card now, so quick keys stay in order."""
        self.query_ancestor(RankStep).move(step)


class RankStep(Vertical):
    """What is missing, if anything, then the ordered first pile."""

    DEFAULT_CLASSES = "cardsort-step"

    def __init__(self, exercise: Exercise, answers: ExerciseAnswers) -> None:
        super().__init__(id="rank-step-body")
        self.exercise = exercise
        self.answers = answers

    def compose(self) -> ComposeResult:
        yield Static("", classes="cardsort-note")
        yield RankList(id="cardsort-rank")
        with Horizontal(classes="cardsort-bar"):
            yield mouse_button("↑ " + _("Up"), "rank-up")
            yield mouse_button("↓ " + _("Down"), "rank-down")

    def on_mount(self) -> None:
        self.refresh_view()

    @property
    def rank_list(self) -> RankList:
        """The ordered list (the step's focus)."""
        return self.query_one(RankList)

    def refresh_view(self, highlight: str | None = None) -> None:
        """Redraw from the answers (the piles may have changed in step 1)."""
        result = sort_cards(self.exercise, self.answers)
        order = first_pile_order(self.exercise, self.answers)
        top_count = len(result.top)
        options: list[Option | None] = []
        for index, card in enumerate(order):
            if index == top_count and top_count:
                options.append(None)
            if index < top_count:
                prompt = Content(f"{index + 1:>2}. ") + plain(card.title).stylize("bold")
            else:
                prompt = Content("    ") + plain(card.title).stylize("$text-muted")
            options.append(Option(prompt, id=card.id))
        ranks = self.rank_list
        previous = highlight or (ranks.highlighted_option.id if ranks.highlighted_option else None)
        ranks.set_options(options)
        ids = [card.id for card in order]
        if ids:
            target = ids[ids.index(previous)] if previous in ids else ids[0]
            ranks.highlighted = ranks.get_option_index(target)
        ranks.display = bool(ids)
        self.query_one(".cardsort-note", Static).update(plain(self._note(result)))

    def _note(self, result: CardsortResult) -> str:
        """What to do here: what is missing first, then how to rank."""
        pile = result.first_pile.pile.title if result.first_pile else ""
        if result.first_pile_count == 0:
            return _("Put cards in {pile} first (step 1), then rank them here.").format(pile=pile)
        sentences = []
        if result.missing:
            sentences.append(
                _("Put at least {wanted} cards in {pile}: {missing} more to go.").format(
                    wanted=result.wanted, pile=pile, missing=result.missing
                )
            )
        elif result.extra:
            sentences.append(
                _("Your top {wanted} are numbered; the other cards stay in {pile}.").format(
                    wanted=result.wanted, pile=pile
                )
            )
        if self.answers.get(RANK) is None:
            sentences.append(
                _(
                    "The cards are still in their starting order: move them with ^↑ / ^↓ "
                    "until the most important comes first, or press ⏎ if this order suits you."
                )
            )
        else:
            sentences.append(_("Most important first: ^↑ / ^↓ move a card."))
        return " ".join(sentences)

    @on(OptionList.OptionSelected, "#cardsort-rank")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.answers.get(RANK) is None:
            self._store([card.id for card in first_pile_order(self.exercise, self.answers)])
            self.refresh_view()

    @on(Button.Pressed)
    def _move_button(self, event: Button.Pressed) -> None:
        steps = {"rank-up": -1, "rank-down": 1}
        if event.button.id in steps:
            event.stop()
            self.move(steps[event.button.id])
            self.rank_list.focus()

    def move(self, step: int) -> None:
        """Move the highlighted card and store the whole order."""
        option = self.rank_list.highlighted_option
        order = [card.id for card in first_pile_order(self.exercise, self.answers)]
        if option is None or option.id not in order:
            return
        index = order.index(option.id)
        target = index + step
        if not 0 <= target < len(order):
            return
        order[index], order[target] = order[target], order[index]
        self._store(order)
        self.refresh_view(option.id)

    def _store(self, order: list[str]) -> None:
        stored: list[JSONValue] = list(order)
        self.answers.set(RANK, stored)
        self.post_message(ExerciseBody.Edited([(RANK, "")]))
