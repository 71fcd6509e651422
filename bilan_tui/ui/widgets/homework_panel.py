"""The dashboard's homework panel: what is due and when, each exercise's state, the message.

Shows the assignments that still have work left, soonest due first; it is
hidden when there are none, so a bilan without homework keeps its room. It
takes the focus (Tab from the path): ↑ ↓ move between the assigned
exercises and Enter opens the highlighted one. Every text in it (titles,
pack titles, the consultant's message) is pack or file text, shown with
:func:`plain`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from bilan_tui.domain.dates import short_date
from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.i18n import N_, _, language, ngettext
from bilan_tui.services.labels import GLYPHS
from bilan_tui.ui.text import plain

if TYPE_CHECKING:  # shown once the workbook is read, after the first frame
    from bilan_tui.services.homework.view import AssignmentView

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
    return _("due {date} ({when})").format(date=short_date(due, language()), when=when)


class HomeworkPanel(Widget, can_focus=True):
    """The homework with work left: due dates, exercises and states, messages."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open",
            N_("Open"),
            tooltip=N_("Open the highlighted homework exercise"),
            id="homework-panel.open",
        ),
        Binding(
            "up",
            "move(-1)",
            N_("Previous"),
            tooltip=N_("Previous homework exercise"),
            show=False,
            id="homework-panel.move-minus1",
        ),
        Binding(
            "down",
            "move(1)",
            N_("Next"),
            tooltip=N_("Next homework exercise"),
            show=False,
            id="homework-panel.move-1",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Open the highlighted homework exercise |
    | up | Previous homework exercise |
    | down | Next homework exercise |
    """

    class Open(Message):
        """The person asked to open an assigned exercise (its ``Exercise.ref``)."""

        def __init__(self, ref: str) -> None:
            super().__init__()
            self.ref = ref

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
        self.cursor = 0
        """Index of the highlighted exercise among :meth:`openable`."""
        self.add_class("-empty")
        self.can_focus = False

    def on_mount(self) -> None:
        self.border_title = _("Homework")

    def show(self, views: Sequence[AssignmentView], today: datetime.date | None = None) -> None:
        """Draw the assignments with work left (hidden if there is none)."""
        self.today = today or datetime.date.today()
        from bilan_tui.services.homework.view import pending

        self.views = pending(views)
        self.set_class(not self.views, "-empty")
        self.can_focus = bool(self.openable())
        self.cursor = min(self.cursor, max(len(self.openable()) - 1, 0))
        self.refresh(layout=True)

    def openable(self) -> list[str]:
        """The refs of the listed exercises that can be opened, in the order shown."""
        return [
            item.exercise.ref
            for view in self.views
            for item in view.exercises
            if item.exercise is not None
        ]

    def highlighted(self) -> str | None:
        """The ref of the highlighted exercise, if any."""
        refs = self.openable()
        return refs[self.cursor] if refs else None

    def action_move(self, step: int) -> None:
        """Highlight the previous or next assigned exercise."""
        refs = self.openable()
        if refs:
            self.cursor = max(0, min(len(refs) - 1, self.cursor + step))
            self.refresh()

    def action_open(self) -> None:
        """Open the highlighted exercise."""
        ref = self.highlighted()
        if ref is not None:
            self.post_message(self.Open(ref))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render(self) -> Content:
        return Content("\n").join(self.lines())

    def lines(self) -> list[Content]:
        """The panel's lines (also what tests read)."""
        lines: list[Content] = []
        highlighted = self.cursor if self.has_focus else None
        position = 0
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
                line = Content.assemble(*parts)
                if item.exercise is not None:
                    if position == highlighted:
                        line = line.stylize("reverse")
                    position += 1
                lines.append(line)
            message = view.homework.message.strip()
            if message:
                shown = message.splitlines()[:MESSAGE_LINES]
                quoted = _("“{message}”").format(message="\n".join(shown))
                lines.append(plain(quoted).stylize("italic $text-muted"))
        return lines
