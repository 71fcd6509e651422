"""How one likert item is drawn: its number and statement, then its scale.

An item is a ``Visual``, not a widget, so that a questionnaire of 48 items
is one ``OptionList`` drawn line by line (Textual's Line API) rather than
hundreds of widgets each styled and laid out on open (DESIGN §12). The
statement wraps under itself, beside its number, at whatever width the list
has; the scale sits under the statement.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from bilan_tui.domain.parts import Item, Scale
from bilan_tui.i18n import _
from bilan_tui.ui.text import plain

MARKER = "█"
"""The left edge of the item under the cursor, as the former row's thick border."""
GUTTER = 2
"""The marker column and one space."""
NUMBER = 4
"""The item's number, right-aligned on two cells, then two spaces."""
INDENT = GUTTER + NUMBER
POINT_GAP = "  "


def scale_points(scale: Scale, value: int | None, item: Item | None = None) -> Content:
    """``○ 1  ○ 2  ● 3  ○ 4  ○ 5`` then the chosen label, or "not answered".

    A forced choice (``item``) shows its own labels: "clearly the first"...
    """
    parts: list[Content] = []
    for point in range(scale.min, scale.max + 1):
        if point == value:
            parts.append(Content(f"● {point}").stylize("bold $accent"))
        else:
            parts.append(Content(f"○ {point}"))
        parts.append(Content(POINT_GAP))
    if value is None:
        note = Content("   · " + _("not answered")).stylize("$text-warning")
    else:
        label = scale.label_for(item, value) if item is not None else scale.label(value)
        note = Content("   ") + plain(label).stylize("bold $text-accent")
    return Content("").join(parts) + note


def point_at(scale: Scale, x: int) -> int | None:
    """The point drawn at column ``x`` of the scale line (``None``: none)."""
    position = INDENT
    for point in range(scale.min, scale.max + 1):
        width = len(f"○ {point}") + len(POINT_GAP)
        if position <= x < position + width:
            return point
        position += width
    return None


class LikertItem(Visual):
    """One item's lines; ``value`` and ``current`` change, then the list redraws it."""

    def __init__(self, number: int, item: Item, scale: Scale, value: int | None) -> None:
        self.number = number
        self.item = item
        self.scale = scale
        self.value = value
        self.current = False
        self._text = (
            plain(_("A: {first}").format(first=item.text))
            + Content("\n")
            + plain(_("B: {second}").format(second=item.versus_text))
            if item.forced_choice
            else plain(item.text)
        )
        self._wrapped: tuple[int, list[Content]] = (-1, [])

    def _statement(self, width: int) -> list[Content]:
        """The statement wrapped beside its number (cached for the last width)."""
        if self._wrapped[0] != width:
            self._wrapped = (width, self._text.wrap(max(1, width - INDENT)))
        return self._wrapped[1] or [Content("")]

    def lines(self, width: int) -> list[Content]:
        """Every line of the item, at ``width`` cells."""
        statement = self._statement(width)
        marker = Content(MARKER).stylize("$accent") if self.current else Content(" ")
        edge = marker + Content(" ")
        first = edge + Content(f"{self.number:>2}  ") + self._bold(statement[0])
        rest = [edge + Content(" " * NUMBER) + self._bold(line) for line in statement[1:]]
        points = edge + Content(" " * NUMBER) + scale_points(self.scale, self.value, self.item)
        return [first, *rest, points]

    def _bold(self, line: Content) -> Content:
        return line.stylize("bold") if self.current else line

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        content = Content("\n").join(self.lines(width))
        return content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._statement(width)) + 1
