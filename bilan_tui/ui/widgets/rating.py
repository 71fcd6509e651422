"""A horizontal rating scale answered with arrows, digits or the mouse."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from bilan_tui.i18n import N_


class RatingScale(Widget, can_focus=True):
    """Points ``min``..``max`` on one line; the chosen one is filled.

    ``None`` means "not answered yet", which is different from the lowest
    point: a 0 on a satisfaction scale is an answer.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", N_("Lower"), show=False, id="rating-scale.move-minus1"),
        Binding("right", "move(1)", N_("Higher"), show=False, id="rating-scale.move-1"),
        Binding("home", "edge(-1)", N_("Lowest"), show=False, id="rating-scale.edge-minus1"),
        Binding("end", "edge(1)", N_("Highest"), show=False, id="rating-scale.edge-1"),
        Binding(
            "delete,backspace", "clear", N_("Clear the rating"), show=False, id="rating-scale.clear"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | left | Lower |
    | right | Higher |
    | home | Lowest |
    | end | Highest |
    | delete,backspace | Clear the rating |
    """

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The person chose another point (or cleared the rating)."""

        def __init__(self, scale: RatingScale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> RatingScale:
            """The scale that changed."""
            return self.scale

    def __init__(
        self,
        minimum: int,
        maximum: int,
        value: int | None = None,
        *,
        min_label: str = "",
        max_label: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.minimum = minimum
        self.maximum = maximum
        self.min_label = min_label
        self.max_label = max_label
        self.set_reactive(RatingScale.value, value)
        self._digits = ""

    def render(self) -> Content:
        parts: list[Content] = []
        if self.min_label:
            parts.append(Content(self.min_label + "  ").stylize("$text-muted"))
        for point in range(self.minimum, self.maximum + 1):
            chosen = point == self.value
            mark = "●" if chosen else "○"
            piece = Content(f"{mark} {point}")
            if chosen:
                piece = piece.stylize("bold $accent")
            parts.append(piece)
            parts.append(Content("  "))
        if self.max_label:
            parts.append(Content(self.max_label).stylize("$text-muted"))
        return Content("").join(parts)

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_move(self, step: int) -> None:
        """Move one point; on a scale not answered yet, either arrow starts in the middle.

        Starting at an end would answer for her: ← once picked the maximum, the
        opposite of what the arrow says. The middle is the least suggestive point.
        """
        if self.value is None:
            self.value = (self.minimum + self.maximum) // 2
        else:
            self.value = max(self.minimum, min(self.maximum, self.value + step))

    def action_edge(self, side: int) -> None:
        self.value = self.minimum if side < 0 else self.maximum

    def action_clear(self) -> None:
        self.value = None

    def on_key(self, event: events.Key) -> None:
        """Digits choose a point; two digits reach 10 on a 0–10 scale."""
        char = event.character or ""
        if char == "-" and self.minimum < 0:
            self._digits = "-"
            event.stop()
            return
        if not char.isdigit():
            self._digits = ""
            return
        event.stop()
        digits = self._digits + char
        number = int(digits) if digits != "-" else None
        if number is not None and self.minimum <= number <= self.maximum:
            self.value = number
            longer_possible = any(
                str(p).startswith(digits) and str(p) != digits
                for p in range(self.minimum, self.maximum + 1)
            )
            self._digits = digits if longer_possible else ""
        else:
            self._digits = ""
            first = int(char)
            if self.minimum <= first <= self.maximum:
                self.value = first

    def on_click(self, event: events.Click) -> None:
        """Choose the point under the mouse."""
        offset = len(self.min_label) + 2 if self.min_label else 0
        x = event.x - offset
        if x < 0:
            return
        position = 0
        for point in range(self.minimum, self.maximum + 1):
            width = len(f"○ {point}") + 2
            if position <= x < position + width:
                self.value = point
                return
            position += width
