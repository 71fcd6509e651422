"""The ``form`` kind: typed fields answered once."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from bilan_tui.ui.widgets.fields import FieldEditor

from .base import ExerciseBody


class FormBody(ExerciseBody):
    """Every field of the exercise, one editor each, in pack order."""

    def compose(self) -> ComposeResult:
        for field in self.exercise.fields:
            yield FieldEditor(field, self.answers.get(field.id), id=f"field-{field.id}")

    @on(FieldEditor.Changed)
    def _changed(self, event: FieldEditor.Changed) -> None:
        event.stop()
        if self.answers.change(event.field_id, event.value):
            self.edited(event.field_id)
