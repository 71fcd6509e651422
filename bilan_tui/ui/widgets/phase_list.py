"""The list of phases and their exercises, with each exercise's state.

``PhaseOutline`` is the same list as it appears in the dashboard's first frame:
the same lines drawn as one block, replaced by the real ``PhaseList`` on the
next refresh. Textual's option list lays out and renders every option before
it paints; for the shipped pack that is about a twentieth of the bare app's
whole first frame (DESIGN §12, docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bilan_tui.domain.model import Exercise, ExerciseStatus, Pack
from bilan_tui.domain.progress import phase_progress
from bilan_tui.i18n import N_, _
from bilan_tui.services.labels import GLYPHS, phase_title
from bilan_tui.ui.text import plain

PHASE_PREFIX = "phase:"


class PhaseList(OptionList):
    """Phases as headings, exercises as options whose id is the exercise's ``ref``.

    The list is drawn from the pack alone, so it can appear in the first frame
    before the workbook is opened; :meth:`show_statuses` fills in the states.
    In a library, an installed pack's exercise is marked with its pack's title.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select",
            N_("Open"),
            tooltip=N_("Open the exercise"),
            show=False,
            id="phase-list.select",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Open the exercise |
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
        title = phase_heading(phase_id)
        phase = self.pack.phase(phase_id)
        if phase is None or not self.statuses:
            return title
        progress = phase_progress(phase, self.statuses)
        return Content.assemble(title, f"  {progress.done}/{progress.total}")

    def _exercise_prompt(self, exercise_id: str) -> Content:
        exercise = self.pack.exercise(exercise_id)
        title = exercise_title(self.pack, exercise) if exercise else plain(exercise_id)
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


def phase_heading(phase_id: str) -> Content:
    """A phase's line in the list."""
    return Content(phase_title(phase_id)).stylize("bold")


def exercise_title(pack: Pack, exercise: Exercise) -> Content:
    """An exercise's title, marked with its pack's title if an installed pack brought it."""
    title = plain(exercise.title)
    if exercise.listed_as:
        mark = plain("  · " + pack.pack_title(exercise.pack_id)).stylize("$text-muted")
        title = Content.assemble(title, mark)
    return title


class PhaseOutline(Widget):
    """The phase list's lines before the workbook is read, drawn as one block.

    What ``PhaseList`` shows with no states yet, line for line, so that the
    swap on the next refresh changes nothing but the cursor.
    """

    DEFAULT_CSS: ClassVar[str] = """
    PhaseOutline {
        background: $surface;
        background-tint: $foreground 5%;
        & > .phase-outline--heading {
            color: $text-disabled;
        }
        & > .phase-outline--separator {
            color: $foreground 15%;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "phase-outline--heading",
        "phase-outline--separator",
    }

    def __init__(self, pack: Pack, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pack = pack

    def render(self) -> Content:
        heading = self.get_visual_style("phase-outline--heading")
        rule = Content("─" * self.size.width).stylize(
            self.get_visual_style("phase-outline--separator")
        )
        lines: list[Content] = []
        for index, phase in enumerate(self.pack.phases):
            if index:
                lines.append(rule)
            lines.append(phase_heading(phase.id).stylize_before(heading))
            lines.extend(
                Content.assemble("  ", exercise_title(self.pack, exercise))
                for exercise in phase.exercises
            )
        return Content("\n").join(lines)
