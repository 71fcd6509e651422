"""What a key binding says, in the person's language, translated where it is shown.

``BINDINGS`` are class attributes, built when their module is imported; their
texts are only marked there (``N_``) and translated here, when the footer or
the help draws them. So the language may be chosen after ``bilan_tui.ui`` is
imported (the order ``tests/conftest.py`` once had to keep), and nothing
shows the language a class happened to be built in.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.binding import Binding

from bilan_tui.i18n import _


def said(text: str) -> str:
    """``text`` (a marked message, or one already translated) in the current language."""
    return _(text) if text else ""


def description_of(binding: Binding) -> str:
    """The binding's short label (the footer's word)."""
    return said(binding.description)


def explanation_of(binding: Binding) -> str:
    """What the key does, in a sentence: the tooltip, else the short label."""
    return said(binding.tooltip) or description_of(binding)


def key_label(app: App[Any], binding: Binding) -> str:
    """The key as the footer writes it; a ``key_display`` of ours is translated ("y" → "o")."""
    shown = app.get_key_display(binding)
    return said(shown) if binding.key_display else shown
