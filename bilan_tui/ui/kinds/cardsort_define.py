"""Step 3 of a card sort: in the person's own words, what each top card means.

Each card of the top gets a long-text editor (the same ``FieldEditor`` as a
form), stored at ``DEFINITION_KEYS.key(card id)``. A definition belongs to its card,
not to its rank: a card that leaves the top keeps its text, and finds it
again if it comes back. The step only builds the editors: what they report
is recorded by the card sort's body, as for any field (``ExerciseBody``).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.keys import DEFINITION_KEYS
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.parts import Field, FieldType
from bilan_tui.domain.scoring.cardsort import RankedCard, sort_cards
from bilan_tui.i18n import _
from bilan_tui.ui.text import plain

from .base import field_editor


def definition_field(ranked: RankedCard) -> Field:
    """The long-text question asked about one card of the top."""
    return Field(
        id=DEFINITION_KEYS.key(ranked.card.id),
        type=FieldType.LONGTEXT,
        label=f"{ranked.rank}. {ranked.card.title}",
        help=ranked.card.description,
        placeholder=_("What does it mean for you, in your own words?"),
    )


class DefineStep(Vertical):
    """A definition per top card, then the exercise's own extra fields."""

    DEFAULT_CLASSES = "cardsort-step"

    def __init__(self, exercise: Exercise, answers: ExerciseAnswers) -> None:
        super().__init__(id="define-step-body")
        self.exercise = exercise
        self.answers = answers
        self._shown: tuple[str, ...] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", classes="cardsort-note")
        yield Vertical(classes="cardsort-definitions")
        if self.exercise.fields:
            with Vertical(classes="cardsort-fields"):
                for field in self.exercise.fields:
                    yield field_editor(field, self.answers.get(field.id))

    async def on_mount(self) -> None:
        await self.refresh_view()

    async def refresh_view(self) -> None:
        """Rebuild the editors if the top changed (texts are read from the answers)."""
        top = sort_cards(self.exercise, self.answers).top
        shown = tuple(f"{ranked.rank}:{ranked.card.id}" for ranked in top)
        if shown == self._shown:
            return
        self._shown = shown
        note = self.query_one(".cardsort-note", Static)
        if top:
            note.update(
                plain(
                    _(
                        "Write what each of your top cards means to you. "
                        "^pgup goes back to the ranking."
                    )
                )
            )
        else:
            note.update(plain(_("Rank your cards first (step 2); then define your top here.")))
        box = self.query_one(".cardsort-definitions", Vertical)
        await box.remove_children()
        await box.mount_all(
            field_editor(
                definition_field(ranked),
                self.answers.get(DEFINITION_KEYS.key(ranked.card.id)),
                editor_id=f"definition-{ranked.card.id}",
            )
            for ranked in top
        )
