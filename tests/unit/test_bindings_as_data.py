"""Key bindings are data: each has an id and a documented key table (#22).

The id lets a key be remapped (``App.set_keymap``) and lets the help tell our
bindings from Textual's; the key table docstring under each ``BINDINGS`` is
Textual's own convention, so the keys read in the source as in the help.
Texts are marked with ``N_`` and translated where shown, so importing the
interface before choosing the language is harmless.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding

import bilan_tui.ui

UI = Path(bilan_tui.ui.__file__).parent


def ui_modules() -> list[str]:
    return [
        info.name
        for info in pkgutil.walk_packages([str(UI)], prefix="bilan_tui.ui.")
        if not info.ispkg
    ]


def declared_bindings() -> list[tuple[str, Binding]]:
    """(class, binding) for every binding a class of ``bilan_tui.ui`` declares."""
    found: list[tuple[str, Binding]] = []
    for name in ui_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == name:
                for binding in value.__dict__.get("BINDINGS", ()):
                    if isinstance(binding, Binding):
                        found.append((f"{name}.{value.__qualname__}", binding))
    return found


def test_every_binding_has_an_id() -> None:
    bindings = declared_bindings()
    assert len(bindings) > 100
    missing = [
        f"{owner}: {binding.key} → {binding.action}"
        for owner, binding in bindings
        if not binding.id
    ]
    assert not missing


def test_ids_are_unique_across_the_interface() -> None:
    """An id names one binding: remapping it cannot move another key too."""
    owners: dict[str, str] = {}
    clashes = []
    for owner, binding in declared_bindings():
        assert binding.id is not None
        if binding.id in owners and owners[binding.id] != owner:
            clashes.append((binding.id, owners[binding.id], owner))
        owners.setdefault(binding.id, owner)
    assert not clashes


def test_digit_bindings_have_ids() -> None:
    from bilan_tui.ui.kinds.digit_keys import digit_bindings

    bindings = digit_bindings(1, 5, "answer", "Answer")
    assert [binding.id for binding in bindings] == [f"digits.answer-{d}" for d in range(1, 6)]


def binding_statements() -> list[tuple[Path, ast.ClassDef, int]]:
    """(file, class, index in its body) of every ``BINDINGS = [...]`` in ``bilan_tui/ui``."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            for index, statement in enumerate(node.body):
                target = (
                    statement.target
                    if isinstance(statement, ast.AnnAssign)
                    else statement.targets[0]
                    if isinstance(statement, ast.Assign)
                    else None
                )
                if isinstance(target, ast.Name) and target.id == "BINDINGS":
                    found.append((path, node, index))
    return found


def test_each_bindings_list_has_a_key_table_docstring() -> None:
    statements = binding_statements()
    assert statements
    undocumented = []
    for path, cls, index in statements:
        following = cls.body[index + 1] if index + 1 < len(cls.body) else None
        doc = (
            following.value.value
            if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
            else None
        )
        if not isinstance(doc, str) or "| Key(s) | Description |" not in doc:
            undocumented.append(f"{path.relative_to(UI)}: {cls.name}")
    assert not undocumented


def test_binding_texts_are_marked_not_translated_at_import() -> None:
    """``_()`` inside a ``BINDINGS`` list would fix the language at import time."""
    offenders = []
    for path, cls, index in binding_statements():
        for node in ast.walk(cls.body[index]):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
            ):
                offenders.append(f"{path.relative_to(UI)}: {cls.name}")
    assert not offenders


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_footer_words_follow_the_language_chosen_after_import(language: str) -> None:
    from bilan_tui.i18n import set_language
    from bilan_tui.ui.app import BilanApp
    from bilan_tui.ui.binding_text import description_of, explanation_of

    quit_binding = next(
        b for b in BilanApp.BINDINGS if isinstance(b, Binding) and b.id == "bilan-app.quit"
    )
    set_language(language)
    assert description_of(quit_binding) == {"fr": "Quitter", "en": "Quit"}[language]
    assert explanation_of(quit_binding) != ""
