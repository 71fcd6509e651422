"""The arrows in ``bilan_tui/ui`` run one way: only ``app.py`` knows the app (#15, #22).

Screens, dialogs and helpers are given what they need (the session, a
callback) or post a message the app handles; they never import
``bilan_tui.ui.app``, not even for a type, so the app can change without them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bilan_tui.ui

UI = Path(bilan_tui.ui.__file__).parent
APP_MODULE = "bilan_tui.ui.app"


def imported_modules(tree: ast.AST, package: str = "bilan_tui.ui") -> set[str]:
    """Every module an ``import`` or ``from … import`` names, wherever it stands.

    Relative imports are resolved against ``package``, the module's own package.
    """
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def package_of(path: Path) -> str:
    """The dotted package a file under ``bilan_tui/ui`` belongs to."""
    parts = path.relative_to(UI).parent.parts
    return ".".join(("bilan_tui", "ui", *parts))


def test_no_ui_module_but_the_app_imports_the_app() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path == UI / "app.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        if APP_MODULE in imported_modules(tree, package_of(path)):
            offenders.append(str(path.relative_to(UI)))
    assert not offenders, f"these modules import {APP_MODULE}: {offenders}"


def test_the_check_sees_a_deferred_import() -> None:
    """An import inside a function or under ``TYPE_CHECKING`` counts too."""
    source = "if TYPE_CHECKING:\n    from bilan_tui.ui.app import BilanApp\n"
    assert APP_MODULE in imported_modules(ast.parse(source))
    inner = "def f():\n    import bilan_tui.ui.app\n"
    assert APP_MODULE in imported_modules(ast.parse(inner))
    absolute = "from bilan_tui.ui import app\n"
    assert APP_MODULE in imported_modules(ast.parse(absolute))
    relative = "from ..app import BilanApp\n"
    assert APP_MODULE in imported_modules(ast.parse(relative), "bilan_tui.ui.screens")


def test_no_ui_module_names_the_app_class() -> None:
    """No screen or helper receives ``BilanApp`` (a string annotation would hide it)."""
    offenders = [
        str(path.relative_to(UI))
        for path in sorted(UI.rglob("*.py"))
        if path != UI / "app.py" and "BilanApp" in path.read_text(encoding="utf-8")
    ]
    assert not offenders
