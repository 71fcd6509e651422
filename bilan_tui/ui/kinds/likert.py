"""The ``likert`` kind: rate every item on the exercise's scale.

Items are shown in pack order, each with its scale and, once answered, the
label of the chosen point; an unanswered item says so. A digit answers and
moves on, so a long questionnaire is a steady rhythm of key presses; arrows
revise. Opening the exercise puts the cursor on the first item still to
answer, so the person resumes where they stopped.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from bilan_tui.domain.answers import ITEM
from bilan_tui.domain.parts import Item, Scale
from bilan_tui.domain.scoring import likert as scoring
from bilan_tui.i18n import _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.fields import FieldEditor
from bilan_tui.ui.widgets.rating import RatingScale

from .base import ExerciseBody
from .likert_digits import digit_range, with_digits


class LikertScale(RatingScale):
    """One item's scale: the points, then the chosen label or "not answered"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "step(-1)", _("Previous item"), show=False),
        Binding("down", "step(1)", _("Next item"), show=False),
        Binding("left", "move(-1)", _("Change"), key_display="←→", tooltip=_("Lower or higher")),
        Binding("right", "move(1)", _("Higher"), show=False),
    ]

    def __init__(self, item: Item, scale: Scale, value: int | None) -> None:
        super().__init__(scale.min, scale.max, value)
        self.item = item
        self.likert_scale = scale
        # Inline: the app's stylesheet spaces every RatingScale of a form, and
        # a widget's default CSS cannot override the app's.
        self.styles.margin = (0, 0, 0, 4)

    def render(self) -> Content:
        points = super().render()
        if self.value is None:
            note = Content("   · " + _("not answered")).stylize("$text-warning")
        else:
            label = plain(self.likert_scale.label(self.value)).stylize("bold $text-accent")
            note = Content("   ") + label
        return points + note

    def on_key(self, event: events.Key) -> None:
        """Digits are bindings here (``rate``), not the base scale's typing."""
        if (event.character or "").isdigit():
            event.prevent_default()

    def action_rate(self, value: int) -> None:
        """Answer with a digit, then go to the next item."""
        if self.minimum <= value <= self.maximum:
            self.value = value
            self.query_ancestor(LikertBody).go(self, 1)

    def action_step(self, step: int) -> None:
        """Up or down to another item."""
        self.query_ancestor(LikertBody).go(self, step)


class LikertRow(Vertical):
    """One item: its number and text, then its scale; a click anywhere picks it."""

    DEFAULT_CLASSES = "likert-row"

    def on_click(self) -> None:
        self.query_one(LikertScale).focus()


class LikertBody(ExerciseBody):
    """The legend, every item with its scale, then the exercise's extra fields."""

    DEFAULT_CSS = """
    LikertBody {
        height: auto;
    }
    LikertBody .likert-legend {
        color: $text-muted;
        margin: 0 0 1 0;
    }
    LikertBody .likert-row {
        height: auto;
        padding: 0 1;
        border-left: blank;
    }
    LikertBody .likert-row:focus-within {
        background: $boost;
        border-left: thick $accent;
    }
    LikertBody .likert-line {
        height: auto;
    }
    LikertBody .likert-number {
        width: 4;
        color: $text-muted;
    }
    LikertBody .likert-text {
        width: 1fr;
    }
    LikertBody .likert-row:focus-within .likert-text {
        text-style: bold;
    }
    LikertBody .likert-fields {
        height: auto;
        margin: 1 0 0 0;
    }
    """

    def compose(self) -> ComposeResult:
        scale = self.exercise.scale or scoring.DEFAULT_SCALE
        scale_class = with_digits(
            LikertScale, scale.min, scale.max, "rate", _("Answer"), _("Answer with a digit")
        )
        yield Static(plain(self._legend(scale)), classes="likert-legend")
        for number, item in enumerate(self.exercise.items, start=1):
            with LikertRow():
                with Horizontal(classes="likert-line"):
                    yield Static(f"{number:>2}", classes="likert-number")
                    yield Static(plain(item.text), classes="likert-text")
                yield scale_class(item, scale, scoring.rating(self.exercise, self.answers, item.id))
        if self.exercise.fields:
            with Vertical(classes="likert-fields"):
                for field in self.exercise.fields:
                    yield FieldEditor(field, self.answers.get(field.id), id=f"field-{field.id}")

    @staticmethod
    def _legend(scale: Scale) -> str:
        # Non-breaking spaces: "5 Very much" never splits over two lines.
        parts = [f"{point} {scale.label(point)}".replace(" ", "\u00a0") for point in scale.points]
        legend = "   ".join(parts)
        digits = digit_range(scale.min, scale.max)
        if digits:
            keys = _("Press {first}–{last} to answer, ↑↓ to move.").format(
                first=digits[0], last=digits[-1]
            )
            legend += "\n" + keys
        return legend

    def scales(self) -> list[LikertScale]:
        """Every item's scale, in item order."""
        return list(self.query(LikertScale).results(LikertScale))

    def initial_focus(self) -> LikertScale | None:
        scales = self.scales()
        if not scales:
            return None
        index = scoring.first_unanswered(self.exercise, self.answers)
        return scales[index if index is not None else 0]

    def progress(self) -> tuple[int, int]:
        return scoring.progress(self.exercise, self.answers)

    @on(RatingScale.Changed)
    def _rated(self, event: RatingScale.Changed) -> None:
        scale = event.scale
        if not isinstance(scale, LikertScale):
            return
        event.stop()
        key = ITEM + scale.item.id
        if self.answers.get(key) == event.value:
            return
        self.answers.set(key, event.value)
        self.edited(key)

    def go(self, scale: LikertScale, step: int) -> None:
        """Move the cursor ``step`` items from ``scale`` (past the last: the fields).

        The focus moves at once, not on the next tick, so that keys typed
        quickly in a row each reach the item they were meant for.
        """
        scales = self.scales()
        index = scales.index(scale) + step
        target: Widget | None = None
        if 0 <= index < len(scales):
            target = scales[index]
        elif index >= len(scales):
            target = next((w for w in self.query("FieldEditor *") if w.focusable), None)
        if target is not None:
            self.screen.set_focus(target)

    @on(FieldEditor.Changed)
    def _field_changed(self, event: FieldEditor.Changed) -> None:
        event.stop()
        if self.answers.change(event.field_id, event.value):
            self.edited(event.field_id)
