"""Textual's own words a person can see, in the person's language.

Textual writes a few strings of its own in English: the Select menu's key in
the footer ("esc Dismiss menu") and the notice shown when ctrl+c is pressed
with nothing focused ("Do you want to quit? / Press ctrl+q to quit the app").
Every other binding of the widgets we use (Input, TextArea, Select, Checkbox,
DataTable, OptionList, SelectionList) is hidden from the footer; the test
``tests/ui/test_textual_words.py`` checks that this stays true.

Bindings are merged when a class is built, so :func:`apply_textual_words`
replaces the merged bindings of the classes concerned; it relies on
:data:`PRIVATE_NAMES`, which the same test checks still exist, so that an
upgrade of Textual fails there rather than showing English words.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.widgets._select import SelectOverlay

from bilan_tui.i18n import _

PRIVATE_NAMES: tuple[tuple[type[DOMNode], str], ...] = (
    (DOMNode, "_merged_bindings"),
    (DOMNode, "_merge_bindings"),
    (SelectOverlay, "BINDINGS"),
)
"""The private parts of Textual this module relies on (``textual.widgets._select`` too)."""

_DESCRIPTIONS: dict[tuple[type[DOMNode], str], Callable[[], str]] = {
    (SelectOverlay, "dismiss"): lambda: _("Close the list"),
}
"""Shown bindings of Textual's widgets, by class and action, with our words."""


def apply_textual_words() -> None:
    """Give Textual's shown bindings our descriptions, in the current language.

    Called when the app is built, after the language is chosen (and again
    after a switch of language, since the app is built again).
    """
    for cls in {owner for owner, _action in _DESCRIPTIONS}:
        translated: list[BindingType] = []
        for entry in cls.__dict__.get("BINDINGS", []):
            binding = entry if isinstance(entry, Binding) else Binding(*entry)
            words = _DESCRIPTIONS.get((cls, binding.action))
            if words is not None:
                binding = Binding(
                    binding.key,
                    binding.action,
                    words(),
                    show=binding.show,
                    key_display=binding.key_display,
                    priority=binding.priority,
                    tooltip=binding.tooltip,
                    id=binding.id,
                    system=binding.system,
                )
            translated.append(binding)
        cls.BINDINGS = translated
        cls._merged_bindings = cls._merge_bindings()


def quit_hint(app: App[object]) -> None:
    """Say which key quits, when ctrl+c was pressed with nothing to copy.

    Replaces Textual's ``App.action_help_quit`` (English, with markup).
    """
    for active in app.active_bindings.values():
        if active.binding.action in ("quit", "app.quit"):
            app.notify(
                _("Press {key} to save and quit.").format(key=app.get_key_display(active.binding)),
                title=_("Do you want to quit?"),
                markup=False,
            )
            return
