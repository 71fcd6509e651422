"""The ``likert`` kind: rate every item on the exercise's scale.

Items are shown in pack order, each with its scale and, once answered, the
label of the chosen point; an unanswered item says so. A digit answers and
moves on, so a long questionnaire is a steady rhythm of key presses; arrows
revise. Opening the exercise puts the cursor on the first item still to
answer, so the person resumes where they stopped.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.domain.parts import Item, Scale
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
        /* The exercise's view: the legend stays at the top and the list
           scrolls itself under it, so a digit never scrolls the exercise.
           On a terminal too small for legend and a few items, the exercise
           scrolls rather than the list shrinking to nothing. */
        height: 1fr;
        min-height: 10;
    }
    LikertBody.-with-fields {
        /* The fields come below the fold; the list is fitted to the view. */
        height: auto;
    }
    LikertBody.-with-fields LikertList {
        height: auto;  /* as tall as its items, up to the view (_fit_list) */
        max-height: 10;
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

    MIN_LIST_HEIGHT = 6
    """Lines the list keeps on a view too small for it: about two items."""

    def on_mount(self) -> None:
        if self.exercise.fields:
            self.screen.screen_layout_refresh_signal.subscribe(self, self._fit_list)

    def on_unmount(self) -> None:
        if self.exercise.fields:
            self.screen.screen_layout_refresh_signal.unsubscribe(self)

    def _fit_list(self, _screen: object) -> None:
        """With fields below it, the list takes at most the view left under the legend.

        CSS cannot say "the view's height" for a widget in a taller body, so it
        is measured after each layout of the screen (a resized terminal, the
        guidance shown or hidden), never on a key: a digit does not lay out.
        A long list and its legend then fill the view at the top of the
        exercise, as without fields, and the fields are scrolled to after the
        last item; a short one leaves the fields in view under it.
        """
        view = self.parent
        if not isinstance(view, Widget) or not self.items_list.is_mounted:
            return
        above = self.items_list.virtual_region.y
        room = max(self.MIN_LIST_HEIGHT, view.scrollable_content_region.height - above)
        styles = self.items_list.styles
        if styles.max_height is None or styles.max_height.value != room:
            styles.max_height = room

    def compose(self) -> ComposeResult:
        self.set_class(bool(self.exercise.fields), "-with-fields")
        scale = self.exercise.scale or scoring.DEFAULT_SCALE
        list_class = with_digits(
            LikertList, scale.min, scale.max, "rate", _("Answer"), _("Answer with a digit")
        )
        yield Static(plain(self._legend(scale)), classes="likert-legend")
        items = list(self.exercise.items)
        values = [scoring.rating(self.exercise, self.answers, item.id) for item in items]
        self.items_list: LikertList = list_class(items, scale, values, self._rated)
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

    @on(events.DescendantFocus)
    def _show_legend(self, event: events.DescendantFocus) -> None:
        """Back in the list from the fields, the legend comes back above it."""
        if self.exercise.fields and event.widget is self.items_list:
            view = self.parent
            if isinstance(view, Widget):
                self.call_after_refresh(view.scroll_home, animate=False, immediate=True)

    def initial_focus(self) -> LikertList | None:
        """The list, its cursor on the first item still to answer."""
        if not self.items_list.rows:
            return None
        index = scoring.first_unanswered(self.exercise, self.answers)
        self.items_list.highlighted = index if index is not None else 0
        return self.items_list

    def progress(self) -> tuple[int, int]:
        return scoring.progress(self.exercise, self.answers)

    def _rated(self, item: Item, value: int | None) -> None:
        """Store one answer and tell the screen, in the key's own frame."""
        key = ITEM_KEYS.key(item.id)
        if self.answers.get(key) == value:
            return
        self.answers.set(key, value)
        self.edited_now(key)

    @on(LikertList.PastTheEnd)
    def _to_fields(self, event: LikertList.PastTheEnd) -> None:
        """After the last item come the extra fields, if any."""
        event.stop()
        target: Widget | None = next((w for w in self.query("FieldEditor *") if w.focusable), None)
        if target is not None:
            self.screen.set_focus(target)
