"""Textual's private names that ``ui/quiet_crash.py`` relies on still exist (#22).

A Textual upgrade that renames one of them must fail here, on the right line,
rather than turn an unhandled exception into a traceback full of answers.
"""

from __future__ import annotations

import pytest
from textual.app import App

from bilan_tui.ui.quiet_crash import PRIVATE_NAMES, QuietCrashApp


@pytest.mark.parametrize("name", PRIVATE_NAMES)
def test_textual_still_has(name: str) -> None:
    assert hasattr(App(), name), f"textual.app.App no longer has {name}"


def test_the_handler_replaced_is_textuals() -> None:
    assert "_handle_exception" in App.__dict__
    assert "_handle_exception" in QuietCrashApp.__dict__


def test_no_other_module_touches_them() -> None:
    """Only ``quiet_crash.py`` names Textual's private API."""
    from pathlib import Path

    import bilan_tui

    root = Path(bilan_tui.__file__).parent
    offenders = [
        f"{path.relative_to(root)}: {name}"
        for path in root.rglob("*.py")
        if path.name != "quiet_crash.py"
        for name in PRIVATE_NAMES
        if f".{name}" in path.read_text(encoding="utf-8")
    ]
    assert not offenders
