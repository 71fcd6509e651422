"""The ``form`` kind: typed fields answered once."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget

from bilan_tui.domain.answers import ExerciseAnswers, JSONValue
from bilan_tui.domain.conditions import field_applies
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.parts import Field, FieldType
from bilan_tui.ui.text import french
from bilan_tui.ui.widgets.fields import FieldEditor

from .base import ExerciseBody, ExerciseContext

LOOKAHEAD = 2
"""Fields kept mounted beyond the one focused, so Tab always finds the next one."""
_INPUT_ROWS = {
    FieldType.LONGTEXT: 4,
    FieldType.CHOICE: 3,
    FieldType.RATING: 2,
    FieldType.CHECKBOX: 3,
}
"""Rows an empty input takes (``exercise.tcss``); a line input takes 3."""


def estimated_rows(field: Field, value: JSONValue, width: int) -> int:
    """A guess of the rows a field's editor takes at ``width`` columns.

    Decides how many fields to mount before the first paint, and how tall the
    room kept for the others is, so that the scrollbar shows the length of
    the whole form from the start.
    """
    width = max(width, 20)
    rows = _wrapped(french(field.label), width)  # as shown: typeset in French (#20)
    if field.help:
        rows += _wrapped(french(field.help), width)
    if field.type is FieldType.MULTICHOICE:
        rows += min(len(field.choices) + 2, 10)  # its border, and at most 10 rows
    elif field.type is FieldType.LONGTEXT:
        lines = sum(_wrapped(line, width - 4) for line in str(value or "").split("\n"))
        rows += min(max(lines + 2, 4), 12)  # TextArea: 4 to 12 rows (exercise.tcss)
    else:
        rows += _INPUT_ROWS.get(field.type, 3)
    return rows + 1  # the margin under the editor


def _wrapped(text: str, width: int) -> int:
    """How many lines ``text`` wraps to at ``width`` cells, as a ``Static`` wraps it."""
    if len(text) < width:
        return 1
    return max(1, len(Content(text).wrap(width)))


class FormBody(ExerciseBody):
    """Every field of the exercise, one editor each, in pack order.

    A field with a ``when`` condition is shown only while it applies; its
    answer, if any, is kept (she may change her mind back).

    The editors below the fold are mounted when they are about to be seen
    (DESIGN §12): a form of twenty fields is a hundred widgets, each styled
    and laid out, and at 80 × 24 two or three of them are visible. The
    fields that fill the screen and a half are composed with the screen,
    followed by an empty room about as tall as the others will be (so the
    scrollbar tells the length of the form); the next ones come a screenful
    at a time when the view comes near that room, or when the focus reaches
    one of the last ``LOOKAHEAD`` fields mounted, so Tab always lands on the
    next field. Fields not mounted yet have no typed text to lose: their
    answers are the stored ones, untouched.
    """

    def __init__(
        self, exercise: Exercise, answers: ExerciseAnswers, context: ExerciseContext
    ) -> None:
        super().__init__(exercise, answers, context)
        self._mounted = 0
        """How many of the exercise's fields have an editor, from the first."""
        self._rest = Widget(classes="form-rest")
        """The room kept for the fields not mounted yet."""

    def compose(self) -> ComposeResult:
        size = self.app.size
        yield from self._editors(size.height + size.height // 2, size.width)
        self._size_rest(size.width)
        yield self._rest

    def _size_rest(self, width: int) -> None:
        """Keep the room of the fields not mounted yet as tall as they will be."""
        rows = sum(
            estimated_rows(field, self.answers.get(field.id), width - 4)
            for field in self.exercise.fields[self._mounted :]
            if self._applies(field)
        )
        self._rest.styles.height = rows
        self._rest.display = rows > 0

    def _editors(self, rows: int, width: int) -> list[FieldEditor]:
        """The next editors, until about ``rows`` rows are filled (at least one)."""
        fields = self.exercise.fields
        editors: list[FieldEditor] = []
        filled = 0
        while self._mounted < len(fields) and (filled < rows or not editors):
            field = fields[self._mounted]
            self._mounted += 1
            editor = self.field_editor(field)
            editor.display = self._applies(field)
            if editor.display:
                filled += estimated_rows(field, self.answers.get(field.id), width - 4)
            editors.append(editor)
        return editors

    @property
    def complete(self) -> bool:
        """Whether every field has its editor."""
        return self._mounted >= len(self.exercise.fields)

    def mount_more(self, rows: int | None = None) -> None:
        """Mount the next screenful of editors (``rows``: how many rows to fill)."""
        if self.complete:
            return
        size = self.app.size
        editors = self._editors(rows if rows is not None else size.height, size.width)
        with self.app.batch_update():
            self.mount_all(editors, before=self._rest)
            self._size_rest(size.width)

    def mount_everything(self) -> None:
        """Mount every editor left (what a test, or a search of the form, needs)."""
        self.mount_more(rows=1 << 30)

    def on_mount(self) -> None:
        if self.parent is not None and not self.complete:
            self.watch(self.parent, "scroll_y", self._scrolled, init=False)

    def on_resize(self, _event: events.Resize) -> None:
        """A taller screen, or editors grown: mount what the view now reaches."""
        self._scrolled()

    def _scrolled(self, _old: float = 0.0, _new: float = 0.0) -> None:
        """Mount more once the view comes within half a view of the last editor."""
        view = self.parent
        if self.complete or not isinstance(view, Widget):
            return
        seen_to = view.scroll_offset.y + view.size.height + view.size.height // 2
        if seen_to >= self.virtual_region.y + self._rest.virtual_region.y:
            self.mount_more()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Keep ``LOOKAHEAD`` fields mounted after the one that has the focus."""
        if self.complete:
            return
        editors = [e for e in self.query_children(FieldEditor) if e.display]
        for index, editor in enumerate(editors):
            if event.widget in editor.walk_children():
                if len(editors) - index - 1 < LOOKAHEAD:
                    self.mount_more()
                return

    def _applies(self, field: Field) -> bool:
        return field_applies(field, self.answers, self.context.answer_of)

    def keep_field(self, event: FieldEditor.Changed) -> None:
        """Record the value, then show or hide the questions that depend on it."""
        if self.answers.change(event.field_id, event.value):
            self.edited(event.field_id)
            self._show_what_applies(event.field_id)

    def catch_up(self) -> list[tuple[str, str]]:
        """Take the text the editors show whose change messages are still queued."""
        keys = []
        for editor in self.query(FieldEditor):
            found, value = editor.typed_value()
            if found and self.answers.change(editor.field.id, value):
                keys.append((editor.field.id, ""))
        return keys

    def _show_what_applies(self, changed: str) -> None:
        """Show or hide the questions that depend on the field just answered.

        An editor not mounted yet decides when it is mounted.
        """
        for field in self.exercise.fields:
            when = field.when
            if when is not None and not when.exercise and when.field == changed:
                for editor in self.query_children(f"#field-{field.id}").results(FieldEditor):
                    editor.display = self._applies(field)
        if not self.complete:
            self._size_rest(self.app.size.width)
