"""The list of phases and their exercises, with each exercise's state."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bilan_tui.domain.model import ExerciseStatus, Pack
from bilan_tui.domain.progress import phase_progress
from bilan_tui.i18n import _
from bilan_tui.labels import GLYPHS, phase_title
from bilan_tui.ui.text import plain

PHASE_PREFIX = "phase:"


class PhaseList(OptionList):
    """Phases as headings, exercises as options whose id is the exercise's ``ref``.

    The list is drawn from the pack alone, so it can appear in the first frame
    before the workbook is opened; :meth:`show_statuses` fills in the states.
    In a library, an installed pack's exercise is marked with its pack's title.
    """

    def __init__(self, pack: Pack, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.pack = pack
        self.statuses: dict[str, ExerciseStatus] = {}
        self.next_id: str | None = None
        self._add_options()

    def _add_options(self) -> None:
        for index, phase in enumerate(self.pack.phases):
            if index:
                self.add_option(None)
            self.add_option(
                Option(self._phase_prompt(phase.id), id=PHASE_PREFIX + phase.id, disabled=True)
            )
            for exercise in phase.exercises:
                self.add_option(Option(self._exercise_prompt(exercise.ref), id=exercise.ref))

    def set_pack(self, pack: Pack) -> None:
        """Show another pack (the library after a pack was installed), keeping the cursor."""
        highlighted = self.highlighted
        current = None if highlighted is None else self.get_option_at_index(highlighted).id
        self.pack = pack
        self.clear_options()
        self._add_options()
        if current is not None:
            self.highlight_exercise(current)

    def _phase_prompt(self, phase_id: str) -> Content:
        title = Content(phase_title(phase_id)).stylize("bold")
        phase = self.pack.phase(phase_id)
        if phase is None or not self.statuses:
            return title
        progress = phase_progress(phase, self.statuses)
        return Content.assemble(title, f"  {progress.done}/{progress.total}")

    def _exercise_prompt(self, exercise_id: str) -> Content:
        exercise = self.pack.exercise(exercise_id)
        title = plain(exercise.title if exercise else exercise_id)
        if exercise is not None and exercise.listed_as:
            mark = plain("  · " + self.pack.pack_title(exercise.pack_id)).stylize("$text-muted")
            title = Content.assemble(title, mark)
        if not self.statuses:
            return Content.assemble("  ", title)
        status = self.statuses.get(exercise_id, ExerciseStatus.TODO)
        glyph = Content(GLYPHS[status] + " ")
        if status is ExerciseStatus.DONE:
            glyph = glyph.stylize("$success")
        elif status is ExerciseStatus.STARTED:
            glyph = glyph.stylize("$warning")
        parts = [glyph, title]
        if exercise_id == self.next_id:
            # Only the arrow when the line is long: a wrapped marker splits the list.
            marker = "  ← " + _("next")
            width = self.scrollable_content_region.width or 40
            if len(title) + len(marker) + 3 > width:
                marker = "  ←"
            parts.append(Content(marker).stylize("$accent"))
        return Content.assemble(*parts)

    def show_statuses(self, statuses: Mapping[str, ExerciseStatus], next_id: str | None) -> None:
        """Redraw every line with the workbook's states and the suggested step."""
        self.statuses = dict(statuses)
        self.next_id = next_id
        for phase in self.pack.phases:
            self.replace_option_prompt(PHASE_PREFIX + phase.id, self._phase_prompt(phase.id))
            for exercise in phase.exercises:
                self.replace_option_prompt(exercise.ref, self._exercise_prompt(exercise.ref))

    def highlight_exercise(self, exercise_id: str) -> None:
        """Move the cursor to an exercise."""
        try:
            self.highlighted = self.get_option_index(exercise_id)
        except Exception:  # noqa: BLE001 - an unknown id simply leaves the cursor
            return
