"""The leads (``pistes``): records, with the occupation explorer and the skills gap a key away.

``m`` opens the explorer, where "Add to my leads" adds an entry to this very
list; ``g`` opens the skills gap of the highlighted lead once it carries a
ROME code. Both are asked of the app by message (see ``ui/requests.py``).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from bilan_tui.i18n import N_
from bilan_tui.ui.requests import ExploreOccupations, OpenSkillsGap

from .records import RecordsBody


class LeadsBody(RecordsBody):
    """The list of leads, its editor, and the two doors to the referential."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Still there, out of the key bar: the two doors below must fit in 80 columns.
        Binding(
            "ctrl+up",
            "move(-1)",
            N_("Move up"),
            tooltip=N_("Move the entry up"),
            show=False,
            id="leads.move-minus1",
        ),
        Binding(
            "ctrl+down",
            "move(1)",
            N_("Move down"),
            tooltip=N_("Move the entry down"),
            show=False,
            id="leads.move-1",
        ),
        Binding(
            "m", "explore", N_("Jobs"), tooltip=N_("Explore occupations (ROME)"), id="leads.explore"
        ),
        Binding(
            "g",
            "skills_gap",
            N_("Skills gap"),
            tooltip=N_("What this lead's fiche asks for, beside what you have"),
            id="leads.skills-gap",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+up | Move the entry up |
    | ctrl+down | Move the entry down |
    | m | Explore occupations (ROME) |
    | g | What this lead's fiche asks for, beside what you have |
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("explore", "skills_gap"):
            return self.editing is None and (
                action == "explore" or self.record_list.highlighted_id is not None
            )
        return super().check_action(action, parameters)

    def action_explore(self) -> None:
        """Open the occupation explorer."""
        self.post_message(ExploreOccupations())

    def action_skills_gap(self) -> None:
        """Open the skills gap of the highlighted lead."""
        entry_id = self.record_list.highlighted_id
        if entry_id is not None:
            self.post_message(OpenSkillsGap(entry_id))
