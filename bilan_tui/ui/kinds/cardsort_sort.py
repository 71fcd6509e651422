"""Step 1 of a card sort: put each card in a pile.

The highlighted card is shown large (title and meaning); a pile's digit puts
it there and moves on to the next card still to sort, so a first pass is one
key per card. Every card stays in the list below with its pile, so an earlier
choice can be revisited and changed. Piles are counted on their buttons,
which the mouse can press.
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

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.keys import PILE_KEYS
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.parts import Card
from bilan_tui.domain.scoring.cardsort import pile_of, sort_cards
from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain

from .base import ExerciseBody
from .digit_keys import with_digits
from .records_editor import mouse_button


class CardList(OptionList):
    """Every card with its pile; a pile's digit sorts the highlighted card."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "delete,backspace",
            "pile(0)",
            N_("Unsort"),
            tooltip=N_("Take the card out of its pile"),
            id="card-list.pile-0",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | delete,backspace | Take the card out of its pile |
    """

    def action_pile(self, number: int) -> None:
        """A pile's digit: sort the highlighted card now (not on the next tick,
        so that quick keys each reach the card they were meant for)."""
        self.query_ancestor(SortStep).put(number)


class SortStep(Vertical):
    """The card in front of the person, the piles, and every card's pile."""

    DEFAULT_CLASSES = "cardsort-step"

    def __init__(self, exercise: Exercise, answers: ExerciseAnswers) -> None:
        super().__init__(id="sort-step-body")
        self.exercise = exercise
        self.answers = answers
        piles = len(exercise.piles)
        self.list_class = with_digits(
            CardList, 1, piles, "pile", _("Put in a pile"), _("Put the card in this pile")
        )

    def compose(self) -> ComposeResult:
        yield Static("", classes="cardsort-card")
        with Horizontal(classes="cardsort-piles"):
            for number, pile in enumerate(self.exercise.piles, start=1):
                yield mouse_button(f"{number} {pile.title}", f"pile-{number}")
            yield Static("", classes="cardsort-unsorted")
        yield self.list_class(*self._options(), id="cardsort-cards")

    def on_mount(self) -> None:
        cards = self.query_one(CardList)
        result = sort_cards(self.exercise, self.answers)
        first = result.unsorted[0] if result.unsorted else None
        index = self.exercise.cards.index(first) if first else 0
        if cards.option_count:
            cards.highlighted = index
        self._show_counts()
        self._show_card()

    @property
    def card_list(self) -> CardList:
        """The list of every card (the step's focus)."""
        return self.query_one(CardList)

    def _pile_title(self, card: Card) -> str:
        pile_id = pile_of(self.exercise, self.answers, card.id)
        for pile in self.exercise.piles:
            if pile.id == pile_id:
                return pile.title
        return ""

    def _prompt(self, card: Card) -> Content:
        width = max((len(pile.title) for pile in self.exercise.piles), default=0)
        title = self._pile_title(card)
        if title:
            pile = plain(title.ljust(width)).stylize("$text-accent")
        else:
            pile = Content("·".ljust(width)).stylize("$text-muted")
        return pile + Content("  ") + plain(card.title)

    def _options(self) -> list[Option]:
        return [Option(self._prompt(card), id=card.id) for card in self.exercise.cards]

    def _current(self) -> tuple[int, Card] | None:
        index = self.card_list.highlighted
        if index is None or not 0 <= index < len(self.exercise.cards):
            return None
        return index, self.exercise.cards[index]

    def _show_card(self) -> None:
        panel = self.query_one(".cardsort-card", Static)
        current = self._current()
        if current is None:
            panel.update(plain(_("This exercise has no cards.")))
            return
        index, card = current
        text = plain(card.title).stylize("bold")
        if card.description:
            text += Content("\n") + plain(card.description)
        panel.update(text)
        panel.border_title = _("Card {number} of {count}").format(
            number=index + 1, count=len(self.exercise.cards)
        )
        pile = self._pile_title(card)
        panel.border_subtitle = plain(pile) if pile else _("not sorted yet")

    def _show_counts(self) -> None:
        result = sort_cards(self.exercise, self.answers)
        for number, pile_cards in enumerate(result.piles, start=1):
            label = f"{number} {pile_cards.pile.title} ({len(pile_cards.cards)})"
            self.query_one(f"#pile-{number}", Button).label = plain(label)
        note = self.query_one(".cardsort-unsorted", Static)
        if result.unsorted:
            note.update(plain(_("Not sorted: {count}").format(count=len(result.unsorted))))
        else:
            note.update(plain(_("All sorted. Next step: ^→")))

    @on(OptionList.OptionHighlighted, "#cardsort-cards")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_card()

    @on(OptionList.OptionSelected, "#cardsort-cards")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    @on(Button.Pressed)
    def _pile_button(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if button_id.startswith("pile-"):
            event.stop()
            self.put(int(button_id.removeprefix("pile-")))
            self.card_list.focus()

    def put(self, number: int) -> None:
        """Put the highlighted card in pile ``number`` (0: no pile), then move on."""
        current = self._current()
        if current is None or not 0 <= number <= len(self.exercise.piles):
            return
        index, card = current
        pile_id = self.exercise.piles[number - 1].id if number else None
        key = PILE_KEYS.key(card.id)
        if self.answers.get(key) != pile_id:
            self.answers.set(key, pile_id)
            self.post_message(ExerciseBody.Edited([(key, "")]))
            self.card_list.replace_option_prompt_at_index(index, self._prompt(card))
            self._show_counts()
        if number:
            self.card_list.highlighted = self._next_index(index)
        self._show_card()

    def _next_index(self, index: int) -> int:
        """The next card still to sort after ``index`` (wrapping), else the next card."""
        cards = self.exercise.cards
        for offset in range(1, len(cards) + 1):
            candidate = (index + offset) % len(cards)
            if pile_of(self.exercise, self.answers, cards[candidate].id) is None:
                return candidate
        return min(index + 1, len(cards) - 1)
