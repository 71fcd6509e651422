"""What the exercise kinds share is written once (#22, item 3).

Each kind used to build its field editors, record what they report, find its
source exercise and spell out its digit keys on its own; the copies drifted
(one posted ``ExerciseBody.Edited`` by hand). ``ui/kinds/base.py`` now holds
the editor factory, the one ``FieldEditor.Changed`` handler and the source
lookup, and ``ui/kinds/digit_keys.py`` the digit bindings. These tests read
the source, so a copy that comes back fails here, on the file that has it,
rather than as a subtle difference between two kinds.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bilan_tui.ui

UI = Path(bilan_tui.ui.__file__).parent
KINDS = UI / "kinds"

EDITOR_FACTORIES = {"kinds/base.py", "widgets/fields.py"}
"""Where a ``FieldEditor`` may be constructed: the factory and its own module."""

CHANGED_HANDLERS = {"kinds/base.py"}
"""Where ``FieldEditor.Changed`` may be handled (records overrides ``keep_field``)."""

PENDING_HANDLERS: set[str] = set()
"""Handlers allowed besides the base's while a kind is rewritten: none today
(the form shows the questions that depend on an answer in its ``keep_field``)."""


def modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(UI).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(UI.rglob("*.py"))
    ]


def dotted(node: ast.expr) -> str:
    """``FieldEditor.Changed`` for an attribute chain, ``""`` for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def test_field_editors_are_built_by_the_factory_only() -> None:
    """Every ``#field-<id>`` comes from ``field_editor``, so no kind names it differently."""
    found = [
        f"{name}:{node.lineno}"
        for name, tree in modules()
        if name not in EDITOR_FACTORIES
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and dotted(node.func).endswith("FieldEditor")
    ]
    assert not found, "build editors with field_editor() / ExerciseBody.field_editor()"


def changed_handlers(tree: ast.Module) -> list[int]:
    """Lines of the ``@on(FieldEditor.Changed)`` handlers and ``on_field_editor_changed``."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if node.name == "on_field_editor_changed":
            lines.append(node.lineno)
        for decorator in node.decorator_list:
            if (
                isinstance(decorator, ast.Call)
                and dotted(decorator.func) == "on"
                and decorator.args
                and dotted(decorator.args[0]).endswith("FieldEditor.Changed")
            ):
                lines.append(node.lineno)
    return lines


def test_field_changes_are_recorded_in_one_place() -> None:
    """Textual runs every class's handler, so a kind's own would record twice (or wrongly)."""
    found = [
        f"{name}:{line}"
        for name, tree in modules()
        if name not in CHANGED_HANDLERS | PENDING_HANDLERS
        for line in changed_handlers(tree)
    ]
    assert not found, "override ExerciseBody.keep_field instead of handling FieldEditor.Changed"


def test_the_base_handles_field_changes() -> None:
    base = dict(modules())["kinds/base.py"]
    assert len(changed_handlers(base)) == 1


def digit_as_argument(node: ast.Call) -> bool:
    """``Binding("3", "rate(3)", ...)``: a digit passing itself to its action (a range).

    Digits that name different choices (the skills gap's "1 I have it", "2 To
    acquire") are bindings of their own and are not counted.
    """
    if not dotted(node.func).endswith("Binding") or len(node.args) < 2:
        return False
    key, action = node.args[0], node.args[1]
    return (
        isinstance(key, ast.Constant)
        and isinstance(key.value, str)
        and key.value.isdigit()
        and isinstance(action, ast.Constant)
        and isinstance(action.value, str)
        and action.value.endswith(f"({key.value})")
    )


def test_no_widget_spells_out_digit_keys() -> None:
    """Digit ranges come from ``digit_keys``: one description, one help row, stable ids."""
    found = [
        f"{name}:{node.lineno}"
        for name, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and digit_as_argument(node)
    ]
    assert not found, "use digit_keys.digit_bindings() or with_digits()"


def test_the_source_exercise_is_looked_up_by_the_base_only() -> None:
    """``exercise.source`` is read in ``base.py``; kinds ask ``source_exercise()``."""
    found = [
        f"{name}:{node.lineno}"
        for name, tree in modules()
        if name.startswith("kinds/") and name != "kinds/base.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "source"
        and dotted(node.value).endswith("exercise")
    ]
    assert not found, "use ExerciseBody.source_id / source_exercise() / source_record_entries()"


def test_digit_binding_ids_stay_stable() -> None:
    """A keymap names these ids: moving the keys to ``digit_keys`` must not rename them."""
    from bilan_tui.ui.kinds.grid_list import GridList
    from bilan_tui.ui.kinds.matrix_table import MatrixTable

    def ids(cls: type) -> list[str]:
        return [b.id for b in cls.BINDINGS if hasattr(b, "id") and b.id and "-" in b.id]

    assert [i for i in ids(GridList) if ".rate-" in i] == [f"grid-list.rate-{d}" for d in range(4)]
    assert [i for i in ids(MatrixTable) if ".set-" in i] == [
        f"matrix-table.set-{d}" for d in range(1, 6)
    ]
