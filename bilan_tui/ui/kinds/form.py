"""The ``form`` kind: typed fields answered once."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from bilan_tui.domain.conditions import field_applies
from bilan_tui.domain.parts import Field
from bilan_tui.ui.widgets.fields import FieldEditor

from .base import ExerciseBody


class FormBody(ExerciseBody):
    """Every field of the exercise, one editor each, in pack order.

    A field with a ``when`` condition is shown only while it applies; its
    answer, if any, is kept (she may change her mind back).
    """

    def compose(self) -> ComposeResult:
        for field in self.exercise.fields:
            editor = self.field_editor(field)
            editor.display = self._applies(field)
            yield editor

    def _applies(self, field: Field) -> bool:
        return field_applies(field, self.answers, self.context.answer_of)

    @on(FieldEditor.Changed)
    def _changed(self, event: FieldEditor.Changed) -> None:
        event.stop()
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
        """Show or hide the questions that depend on the field just answered."""
        for field in self.exercise.fields:
            when = field.when
            if when is not None and not when.exercise and when.field == changed:
                self.query_one(f"#field-{field.id}", FieldEditor).display = self._applies(field)
