"""Every kind records a field's value through ``ExerciseBody`` exactly once (#22, item 3).

The handler lives in the base class; Textual also runs any handler a kind
adds, so this checks each shipped kind with extra fields end to end: the
value reaches the answers, and the screen hears of it once, with its key.
The records kind stores in an entry (its ``keep_field`` override) and is
covered by ``test_kind_records.py``.
"""

from __future__ import annotations

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.parts import FieldType
from bilan_tui.ui.kinds import ExerciseBody, ExerciseContext, body_for
from bilan_tui.ui.widgets.fields import FieldEditor

from .helpers import mini_pack, shipped_pack

TEXTS = (FieldType.TEXT, FieldType.LONGTEXT)


def with_text_fields() -> list[Exercise]:
    """Exercises (not records) with a free-text field of their own, shipped or in the test pack."""
    return [
        exercise
        for pack in (shipped_pack(), mini_pack())
        for exercise in pack.exercises
        if exercise.kind is not Kind.RECORDS
        and any(field.type in TEXTS and field.when is None for field in exercise.fields)
    ]


class BodyApp(App[None]):
    """One body on its own, counting what it tells the screen."""

    def __init__(self, body: ExerciseBody) -> None:
        super().__init__()
        self.body = body
        self.edits: list[list[tuple[str, str]]] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield self.body

    @on(ExerciseBody.Edited)
    def _edited(self, event: ExerciseBody.Edited) -> None:
        self.edits.append(event.keys)


def test_several_kinds_are_covered() -> None:
    kinds = {exercise.kind for exercise in with_text_fields()}
    assert {Kind.FORM, Kind.LIKERT, Kind.MATRIX} <= kinds, kinds


@pytest.mark.parametrize(
    "exercise", with_text_fields(), ids=lambda exercise: f"{exercise.kind}-{exercise.id}"
)
async def test_a_field_change_is_recorded_once(exercise: Exercise) -> None:
    answers = ExerciseAnswers("pack", exercise.id)
    body = body_for(exercise, answers, ExerciseContext())
    app = BodyApp(body)
    field = next(f for f in exercise.fields if f.type in TEXTS and f.when is None)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        editor = body.query_one(f"#field-{field.id}", FieldEditor)
        editor.post_message(FieldEditor.Changed(editor, "in my own words"))
        await pilot.pause()
        await pilot.pause()
        assert answers.get(field.id) == "in my own words"
        assert app.edits == [[(field.id, "")]]
        # The same value again is no change: nothing more reaches the disk.
        editor.post_message(FieldEditor.Changed(editor, "in my own words"))
        await pilot.pause()
        await pilot.pause()
        assert app.edits == [[(field.id, "")]]
