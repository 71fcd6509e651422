"""The ``cardsort`` kind: sort the cards into piles, rank the first pile, define the top.

The three steps are tabs, so the mouse can jump between them and the
keyboard has ctrl+→ / ctrl+← (ctrl+PgDn / ctrl+PgUp inside a text, where the
arrows move by word). Opening the exercise resumes at the first step that is
not finished: sorting while cards are left, ranking until an order is
saved, then the definitions.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from bilan_tui.domain.answers import RANK
from bilan_tui.domain.scoring.cardsort import sort_cards
from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain

from .base import ExerciseBody
from .cardsort_define import DefineStep
from .cardsort_rank import RankStep
from .cardsort_sort import SortStep

STEPS = ("cardsort-sort", "cardsort-rank", "cardsort-define")
"""Tab ids, in the order the person works through them."""


class CardsortBody(ExerciseBody):
    """Three tabs: sort, rank, define."""

    DEFAULT_CSS = """
    CardsortBody, CardsortBody TabbedContent, CardsortBody TabPane, CardsortBody .cardsort-step {
        height: auto;
    }
    CardsortBody TabPane {
        padding: 0;
    }
    CardsortBody .cardsort-card {
        height: auto;
        min-height: 4;
        border: round $primary;
        border-subtitle-color: $text-accent;
        padding: 0 1;
    }
    CardsortBody .cardsort-piles, CardsortBody .cardsort-bar {
        height: 1;
        margin: 0 0 1 0;
    }
    CardsortBody .cardsort-piles Button, CardsortBody .cardsort-bar Button {
        min-width: 0;
        width: auto;
        margin: 0 1 0 0;
    }
    CardsortBody .cardsort-unsorted {
        width: 1fr;
        color: $text-muted;
        text-align: right;
    }
    CardsortBody .cardsort-note {
        color: $text-muted;
        margin: 0 0 1 0;
    }
    CardsortBody OptionList {
        height: auto;
        max-height: 12;
    }
    CardsortBody .cardsort-definitions, CardsortBody .cardsort-fields {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+right", "step(1)", N_("Next step"), tooltip=N_("Next step"), id="cardsort.step-1"
        ),
        Binding(
            "ctrl+left",
            "step(-1)",
            N_("Previous step"),
            tooltip=N_("Previous step"),
            id="cardsort.step-minus1",
        ),
        # Inside a definition ctrl+arrows move by word: these keys still switch.
        Binding(
            "ctrl+pagedown",
            "step(1)",
            N_("Next step"),
            priority=True,
            show=False,
            id="cardsort.step-1-ctrl-pagedown",
        ),
        Binding(
            "ctrl+pageup",
            "step(-1)",
            N_("Previous step"),
            priority=True,
            show=False,
            id="cardsort.step-minus1-ctrl-pageup",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+right | Next step |
    | ctrl+left | Previous step |
    | ctrl+pagedown | Next step |
    | ctrl+pageup | Previous step |
    """

    def compose(self) -> ComposeResult:
        exercise, answers = self.exercise, self.answers
        with TabbedContent(initial=self._resume_step(), id="cardsort-steps"):
            with TabPane(plain("1 " + _("Sort")), id=STEPS[0]):
                yield SortStep(exercise, answers)
            with TabPane(plain("2 " + _("Rank")), id=STEPS[1]):
                yield RankStep(exercise, answers)
            with TabPane(plain("3 " + _("Define")), id=STEPS[2]):
                yield DefineStep(exercise, answers)

    def _resume_step(self) -> str:
        result = sort_cards(self.exercise, self.answers)
        if result.unsorted or not result.first_pile_count:
            return STEPS[0]
        if self.answers.get(RANK) is None:
            return STEPS[1]
        return STEPS[2]

    @property
    def tabs(self) -> TabbedContent:
        """The three steps."""
        return self.query_one(TabbedContent)

    def progress(self) -> tuple[int, int]:
        """Sorted cards out of all cards."""
        result = sort_cards(self.exercise, self.answers)
        total = len(self.exercise.cards)
        return total - len(result.unsorted), total

    def initial_focus(self) -> Widget | None:
        return self._step_focus(self.tabs.active)

    def _step_focus(self, step: str) -> Widget | None:
        if step == STEPS[0]:
            return self.query_one(SortStep).card_list
        if step == STEPS[1]:
            return self.query_one(RankStep).rank_list
        for widget in self.query_one(DefineStep).query("FieldEditor *"):
            if widget.focusable:
                return widget
        return None

    async def action_step(self, step: int) -> None:
        """Go to the next or previous step, the cursor in it at once."""
        index = STEPS.index(self.tabs.active) + step
        if 0 <= index < len(STEPS):
            self.tabs.active = STEPS[index]
            await self._show_step(STEPS[index])

    @on(TabbedContent.TabActivated)
    async def _step_clicked(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        await self._show_step(event.pane.id or "")

    async def _show_step(self, step: str) -> None:
        """Redraw a step from the answers (earlier steps may have changed them)."""
        if step == STEPS[1]:
            self.query_one(RankStep).refresh_view()
        elif step == STEPS[2]:
            await self.query_one(DefineStep).refresh_view()
        target = self._step_focus(step)
        if target is not None:
            self.screen.set_focus(target)
