"""The dashboard's homework panel: what is due and when, each exercise's state, the message.

Shows the assignments that still have work left, soonest due first; it is
hidden when there are none, so a bilan without homework keeps its room. Every
text in it (titles, pack titles, the consultant's message) is pack or file
text, shown with :func:`plain`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content
from textual.widget import Widget

from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.i18n import _, ngettext
from bilan_tui.labels import GLYPHS
from bilan_tui.ui.text import plain

if TYPE_CHECKING:  # shown once the workbook is read, after the first frame
    from bilan_tui.homework.view import AssignmentView

MESSAGE_LINES = 3
"""Lines of the consultant's message shown; the rest is in ``bilan homework list``."""


def due_text(due: datetime.date | None, today: datetime.date) -> str:
    """``due 2025-01-20 (in 3 days)``: the date and how far it is."""
    if due is None:
        return _("no due date")
    days = (due - today).days
    if days == 0:
        when = _("today")
    elif days == 1:
        when = _("tomorrow")
    elif days > 1:
        when = ngettext("in {count} day", "in {count} days", days).format(count=days)
    else:
        when = ngettext("{count} day late", "{count} days late", -days).format(count=-days)
    return _("due {date} ({when})").format(date=due.isoformat(), when=when)


class HomeworkPanel(Widget):
    """The homework with work left: due dates, exercises and states, messages."""

    DEFAULT_CSS: ClassVar[str] = """
    HomeworkPanel {
        height: auto;
        max-height: 50%;
    }
    HomeworkPanel.-empty {
        display: none;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.views: list[AssignmentView] = []
        self.today = datetime.date.today()
        self.add_class("-empty")

    def on_mount(self) -> None:
        self.border_title = _("Homework")

    def show(self, views: Sequence[AssignmentView], today: datetime.date | None = None) -> None:
        """Draw the assignments with work left (hidden if there is none)."""
        self.today = today or datetime.date.today()
        from bilan_tui.homework.view import pending

        self.views = pending(views)
        self.set_class(not self.views, "-empty")
        self.refresh(layout=True)

    def render(self) -> Content:
        return Content("\n").join(self.lines())

    def lines(self) -> list[Content]:
        """The panel's lines (also what tests read)."""
        lines: list[Content] = []
        for index, view in enumerate(self.views):
            if index:
                lines.append(Content(""))
            due = due_text(view.homework.due, self.today)
            style = "bold $text-error" if view.overdue(self.today) else "bold"
            lines.append(plain(due[:1].upper() + due[1:]).stylize(style))
            for item in view.exercises:
                glyph = Content(GLYPHS[item.status] + " ")
                if item.status is ExerciseStatus.DONE:
                    glyph = glyph.stylize("$success")
                elif item.status is ExerciseStatus.STARTED:
                    glyph = glyph.stylize("$warning")
                parts = [glyph, plain(item.title)]
                if item.pack_title:
                    parts.append(plain("  · " + item.pack_title).stylize("$text-muted"))
                if item.exercise is None:
                    parts.append(plain("  " + _("(no longer installed)")).stylize("$text-muted"))
                lines.append(Content.assemble(*parts))
            message = view.homework.message.strip()
            if message:
                shown = message.splitlines()[:MESSAGE_LINES]
                quoted = _("“{message}”").format(message="\n".join(shown))
                lines.append(plain(quoted).stylize("italic $text-muted"))
        return lines
