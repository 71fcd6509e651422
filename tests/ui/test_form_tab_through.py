"""Typing through every form of the shipped pack with Tab, at 80 × 24.

A form mounts the fields below the fold only when they are about to be seen
(``FormBody``, DESIGN §12). Tab must still reach every question in pack
order, and what is typed on the way must reach the disk: this walks each
form as a person would, from the first question to the last.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from bilan_tui.domain.model import Kind
from bilan_tui.domain.parts import FieldType
from bilan_tui.ui.kinds.form import FormBody
from bilan_tui.ui.widgets.fields import FieldEditor

from .helpers import make_app, open_exercise, read_session, shipped_pack

FORMS = [e.id for e in shipped_pack().exercises if e.kind is Kind.FORM]
TYPED = "ok"


def field_of(widget: object) -> FieldEditor | None:
    """The field editor the focused widget belongs to, if any."""
    node = widget
    while node is not None:
        if isinstance(node, FieldEditor):
            return node
        node = getattr(node, "parent", None)
    return None


@pytest.mark.parametrize("exercise_id", FORMS)
async def test_tab_reaches_every_question_in_order_and_the_typing_is_saved(
    tmp_path: Path, exercise_id: str
) -> None:
    pack = shipped_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    typed: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, exercise_id)
        await pilot.pause()
        body = screen.query_one(FormBody)
        visited: list[str] = []
        for _ in range(4 * len(body.exercise.fields) + 10):
            editor = field_of(screen.focused)
            if editor is not None and editor.field.id not in visited:
                visited.append(editor.field.id)
                kind = editor.field.type
                if kind in (FieldType.TEXT, FieldType.LONGTEXT):
                    await pilot.press(*TYPED)
                    typed.append(editor.field.id)
            elif editor is not None and editor.field.id == visited[0] and len(visited) > 1:
                break  # back to the first question
            await pilot.press("tab")
        assert body.complete, "tabbing to the end mounted every field"
        shown = [e.field.id for e in body.query(FieldEditor) if e.display]
        assert visited == shown
        for editor in body.query(FieldEditor):
            if editor.field.id in typed:
                found = [*editor.query(TextArea), *editor.query(Input)]
                assert found
        await pilot.press("escape")
        await pilot.pause()
    session = read_session(workbook, pack)
    try:
        exercise = pack.exercise(exercise_id)
        assert exercise is not None
        answers = session.exercise_answers(exercise)
        for field_id in typed:
            assert answers.get(field_id) == TYPED, field_id
    finally:
        session.close()
