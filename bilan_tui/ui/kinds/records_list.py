"""The list of record entries: one numbered summary line per entry."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.model import Exercise
from bilan_tui.i18n import N_
from bilan_tui.ui.text import plain

from .records_summary import empty_label, entry_summary


class RecordList(OptionList):
    """The entries in the person's order; Enter (or a click) opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select",
            N_("Edit"),
            tooltip=N_("Edit the highlighted entry"),
            id="record-list.select",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Edit the highlighted entry |
    """

    def show_entries(
        self, exercise: Exercise, answers: ExerciseAnswers, highlight: int | None
    ) -> None:
        """Redraw every line from the answers and highlight one entry."""
        options = []
        for number, entry in enumerate(answers.entries(), start=1):
            summary = entry_summary(exercise, entry.values)
            line = Content(f"{number:>2}  ")
            if summary == empty_label():
                line += Content(summary).stylize("italic $text-muted")
            else:
                line += plain(summary)
            options.append(Option(line, id=entry.id))
        self.set_options(options)
        if options:
            self.highlighted = min(max(highlight or 0, 0), len(options) - 1)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted entry, if any."""
        option = self.highlighted_option
        return option.id if option else None
