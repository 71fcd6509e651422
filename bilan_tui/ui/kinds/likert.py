"""The ``likert`` kind: rate every item on the exercise's scale.

Items are shown in pack order, each with its scale and, once answered, the
label of the chosen point; an unanswered item says so. A digit answers and
moves on, so a long questionnaire is a steady rhythm of key presses; arrows
revise. Opening the exercise puts the cursor on the first item still to
answer, so the person resumes where they stopped.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.domain.parts import Scale
from bilan_tui.domain.scoring import likert as scoring
from bilan_tui.i18n import _
from bilan_tui.ui.text import plain

from .base import ExerciseBody
from .digit_keys import digit_range, with_digits
from .likert_list import LikertList


class LikertBody(ExerciseBody):
    """The legend, every item with its scale (one widget), then the exercise's extra fields."""

    DEFAULT_CSS = """
    LikertBody {
        height: auto;
    }
    LikertBody .likert-legend {
        color: $text-muted;
        margin: 0 0 1 0;
    }
    LikertBody .likert-fields {
        height: auto;
        margin: 1 0 0 0;
    }
    """

    def compose(self) -> ComposeResult:
        scale = self.exercise.scale or scoring.DEFAULT_SCALE
        list_class = with_digits(
            LikertList, scale.min, scale.max, "rate", _("Answer"), _("Answer with a digit")
        )
        yield Static(plain(self._legend(scale)), classes="likert-legend")
        items = list(self.exercise.items)
        values = [scoring.rating(self.exercise, self.answers, item.id) for item in items]
        self.items_list: LikertList = list_class(items, scale, values)
        yield self.items_list
        if self.exercise.fields:
            with Vertical(classes="likert-fields"):
                for field in self.exercise.fields:
                    yield self.field_editor(field)

    @staticmethod
    def _legend(scale: Scale) -> str:
        # Non-breaking spaces: "5 Very much" never splits over two lines.
        parts = [f"{point} {scale.label(point)}".replace(" ", "\u00a0") for point in scale.points]
        legend = "   ".join(parts)
        if scale.pair_labels:
            pairs = [
                f"{point} {label}".replace(" ", "\u00a0")
                for point, label in zip(scale.points, scale.pair_labels, strict=False)
            ]
            legend += "\n" + _("Between A and B:") + " " + "   ".join(pairs)
        digits = digit_range(scale.min, scale.max)
        if digits:
            keys = _("Press {first}–{last} to answer, ↑↓ to move.").format(
                first=digits[0], last=digits[-1]
            )
            legend += "\n" + keys
        return legend

    def initial_focus(self) -> LikertList | None:
        """The list, its cursor on the first item still to answer."""
        if not self.items_list.rows:
            return None
        index = scoring.first_unanswered(self.exercise, self.answers)
        self.items_list.highlighted = index if index is not None else 0
        return self.items_list

    def progress(self) -> tuple[int, int]:
        return scoring.progress(self.exercise, self.answers)

    @on(LikertList.Rated)
    def _rated(self, event: LikertList.Rated) -> None:
        event.stop()
        key = ITEM_KEYS.key(event.item.id)
        if self.answers.get(key) == event.value:
            return
        self.answers.set(key, event.value)
        self.edited(key)

    @on(LikertList.PastTheEnd)
    def _to_fields(self, event: LikertList.PastTheEnd) -> None:
        """After the last item come the extra fields, if any."""
        event.stop()
        target: Widget | None = next((w for w in self.query("FieldEditor *") if w.focusable), None)
        if target is not None:
            self.screen.set_focus(target)
