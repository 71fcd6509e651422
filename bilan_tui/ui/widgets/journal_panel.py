"""The dashboard's sessions panel: the follow-up reminder, the next session, what to do by then.

Hidden when there is nothing to say. It takes the focus when the last
debrief left things to do: ↑ ↓ move between them and Space (or Enter) ticks
the highlighted one, which then leaves the list. Every text in it is hers,
shown with :func:`plain`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from bilan_tui.domain.dates import long_date
from bilan_tui.i18n import N_, _, language, ngettext
from bilan_tui.services.follow_up_text import days_text, follow_up_text
from bilan_tui.services.ledger_text import duration_text
from bilan_tui.ui.text import plain

if TYPE_CHECKING:
    from bilan_tui.domain.follow_up import FollowUpReminder
    from bilan_tui.domain.journal import SessionNote, TodoItem
    from bilan_tui.services.dashboard_data import JournalView

POINT_LINES = 2
"""Points to raise shown; the rest is on the session's journal page."""


class JournalPanel(Widget, can_focus=True):
    """The follow-up reminder, the next session and her points, the open items."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space,enter",
            "tick",
            N_("Done"),
            tooltip=N_("Tick the highlighted item"),
            id="journal-panel.tick",
        ),
        Binding(
            "up",
            "move(-1)",
            N_("Previous"),
            tooltip=N_("Previous item"),
            show=False,
            id="journal-panel.move-minus1",
        ),
        Binding(
            "down",
            "move(1)",
            N_("Next"),
            tooltip=N_("Next item"),
            show=False,
            id="journal-panel.move-1",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | space,enter | Tick the highlighted item |
    | up | Previous item |
    | down | Next item |
    """

    class Tick(Message):
        """She ticked an item of the last debrief."""

        def __init__(self, note_id: int, index: int) -> None:
            super().__init__()
            self.note_id = note_id
            self.index = index

    DEFAULT_CSS: ClassVar[str] = """
    JournalPanel {
        height: auto;
        max-height: 50%;
    }
    JournalPanel.-empty {
        display: none;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.next: SessionNote | None = None
        self.todo: list[tuple[int, TodoItem]] = []
        self.todo_note: int | None = None
        self.follow_up: FollowUpReminder | None = None
        self.today = datetime.date.today()
        self.cursor = 0
        self.add_class("-empty")
        self.can_focus = False

    def on_mount(self) -> None:
        self.border_title = _("Sessions")

    def show(
        self,
        journal: JournalView | None,
        follow_up: FollowUpReminder | None,
        today: datetime.date | None = None,
    ) -> None:
        """Draw what there is to say; hidden when nothing."""
        self.today = today or datetime.date.today()
        self.next = journal.next if journal is not None else None
        self.todo = list(journal.todo) if journal is not None else []
        self.todo_note = journal.todo_note if journal is not None else None
        self.follow_up = follow_up
        self.set_class(not self.lines(), "-empty")
        self.can_focus = bool(self.todo)
        self.cursor = min(self.cursor, max(len(self.todo) - 1, 0))
        self.refresh(layout=True)

    def action_move(self, step: int) -> None:
        """Highlight the previous or next item."""
        if self.todo:
            self.cursor = max(0, min(len(self.todo) - 1, self.cursor + step))
            self.refresh()

    def action_tick(self) -> None:
        """Tick the highlighted item."""
        if self.todo and self.todo_note is not None:
            index, _item = self.todo[self.cursor]
            self.post_message(self.Tick(self.todo_note, index))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render(self) -> Content:
        return Content("\n").join(self.lines())

    def lines(self) -> list[Content]:
        """The panel's lines (also what tests read)."""
        lines: list[Content] = []
        if self.follow_up is not None:
            styles = {"later": "$text-muted", "soon": "bold $text-warning"}
            style = styles.get(self.follow_up.state, "bold $text-error")
            lines.append(plain(follow_up_text(self.follow_up)).stylize(style))
        note = self.next
        if note is not None:
            if lines:
                lines.append(Content(""))
            if note.planned_date is not None:
                when = _("Next session: {date} ({when})").format(
                    date=long_date(note.planned_date, language()),
                    when=days_text((note.planned_date - self.today).days),
                )
            else:
                when = _("Next session: date to be set")
            if note.planned_minutes:
                when += ", " + duration_text(note.planned_minutes)
            lines.append(plain(when).stylize("bold"))
            points = [line.strip() for line in note.prepare.splitlines() if line.strip()]
            if points:
                lines.append(plain(_("To raise:")).stylize("$text-muted"))
                lines.extend(plain("· " + point) for point in points[:POINT_LINES])
                if len(points) > POINT_LINES:
                    more = len(points) - POINT_LINES
                    extra = ngettext("…and {count} more", "…and {count} more", more)
                    lines.append(plain(extra.format(count=more)).stylize("$text-muted"))
        if self.todo:
            if lines:
                lines.append(Content(""))
            lines.append(plain(_("To do before next time:")).stylize("bold"))
            for position, (_index, item) in enumerate(self.todo):
                line = plain("☐ " + item.text)
                if self.has_focus and position == self.cursor:
                    line = line.stylize("reverse")
                lines.append(line)
        return lines
