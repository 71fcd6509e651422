"""The leads (``pistes``): records, with the occupation explorer and the skills gap a key away.

``m`` opens the explorer, where "Add to my leads" adds an entry to this very
list; ``g`` opens the skills gap of the highlighted lead once it carries a
ROME code. Both are asked of the app by message (see ``ui/requests.py``).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from bilan_tui.i18n import _
from bilan_tui.ui.requests import ExploreOccupations, OpenSkillsGap

from .records import RecordsBody


class LeadsBody(RecordsBody):
    """The list of leads, its editor, and the two doors to the referential."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Still there, out of the key bar: the two doors below must fit in 80 columns.
        Binding("ctrl+up", "move(-1)", _("Move up"), tooltip=_("Move the entry up"), show=False),
        Binding(
            "ctrl+down", "move(1)", _("Move down"), tooltip=_("Move the entry down"), show=False
        ),
        Binding("m", "explore", _("Jobs"), tooltip=_("Explore occupations (ROME)")),
        Binding(
            "g",
            "skills_gap",
            _("Skills gap"),
            tooltip=_("What this lead's fiche asks for, beside what you have"),
        ),
    ]

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
