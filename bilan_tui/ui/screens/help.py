"""The help screen (f1): the keys of the screen it was opened from, and where the data lives.

The keys are read from that screen's bindings (see :func:`screen_keys`), never
from a table written by hand, so a new key appears in the help by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

from bilan_tui.i18n import N_, _, language
from bilan_tui.services.wipe_text import keep_until_follow_up, what_the_organisation_destroys
from bilan_tui.ui.binding_text import explanation_of, key_label
from bilan_tui.ui.text import french
from bilan_tui.ui.widgets.french_markdown import FrenchMarkdown


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One row of the keys table: the keys as the footer writes them, what they do."""

    keys: str
    action: str


def screen_keys(screen: Screen[object]) -> list[KeyHelp]:
    """Every key of ``screen`` and its focused widgets, from their bindings.

    Read from ``active_bindings`` (the focused widget first, then its
    parents, the screen and the app), so the help never drifts from the keys.
    Only the bindings our classes declare are listed (with their tooltip, else
    their description, translated as the footer translates them); Textual's
    own (scrolling, copying) are summed up by :func:`moving_keys`. Keys doing
    the same thing share a row ("del ⌫", "1–5"); the notation is the footer's.
    """
    app = screen.app
    rows: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not declared_by_us(active.node, binding):
            continue
        what = explanation_of(binding)
        if not what:
            continue
        shown = key_label(app, binding)
        keys = rows.setdefault(what, [])
        if shown not in keys:
            keys.append(shown)
    return [KeyHelp(" ".join(keys), what) for what, keys in rows.items()]


def declared_by_us(node: object, binding: Binding) -> bool:
    """Whether one of ``node``'s classes in ``bilan_tui`` declares ``binding``.

    Textual copies a binding per key ("delete,backspace"), keeping its ``id``:
    every binding of ours has one (``tests/ui/test_help_keys.py``), Textual's
    own have none.
    """
    if binding.id is None:
        return False
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("bilan_tui"):
            continue
        for declared in cls.__dict__.get("BINDINGS", ()):
            if isinstance(declared, Binding) and declared.id == binding.id:
                return True
    return False


def moving_keys() -> list[KeyHelp]:
    """Moving around, the same on every screen (Textual's own bindings)."""
    return [
        KeyHelp("↑ ↓", _("Move in a list")),
        KeyHelp("tab shift+tab", _("Next or previous field")),
    ]


def help_text(data_location: str, keys: Sequence[KeyHelp] = ()) -> str:
    """The help page as Markdown, in the current language.

    Args:
        data_location: Where the workbook is stored.
        keys: The keys of the screen the help was opened from (see
            :func:`screen_keys`).
    """
    rows = [*keys, *moving_keys()]
    return "\n".join(
        [
            "# " + _("Help"),
            "",
            _(
                "This workbook accompanies your skills assessment (bilan de compétences): "
                "three phases, exercises to do at your own pace, and a synthesis that "
                "belongs to you alone."
            ),
            "",
            "## " + _("Keys on this screen"),
            "",
            "| " + _("key") + " | " + _("what it does") + " |",
            "|---|---|",
            *(f"| {escape_cell(row.keys)} | {escape_cell(row.action)} |" for row in rows),
            "",
            "## " + _("Explore occupations"),
            "",
            _(
                "France Travail's occupation fiches (the ROME referential), once you have "
                "imported them with bilan metiers import. Type a job or a word: the list "
                "follows your typing. Your own Holland letters filter it at first (^l "
                "for every letter); ^t shows the fiches closest to your interests, each "
                "with its reason, never a verdict. ⏎ opens a fiche, l goes to the close "
                "and next occupations, a adds the fiche to your leads. In “My leads”, g puts "
                "a lead's core skills beside yours: 1 I have it, 2 to acquire, 3 not for me."
            ),
            "",
            "## " + _("Your answers"),
            "",
            _(
                "Everything you type is saved on this computer within a second, and again "
                "when you leave a field, an exercise or the application. Nothing is ever "
                "sent over the network."
            ),
            "",
            _("Your workbook is stored in:") + f" `{data_location}`",
            "",
            _(
                "Only your user account can read it. What you share, and with whom, is "
                "always your choice."
            ),
            "",
            "## " + _("Encryption"),
            "",
            _(
                "With bilan encrypt, the workbook, its journal and its backups are encrypted "
                "(SQLCipher, AES-256) with a random key, kept in a key file beside the workbook "
                "and itself encrypted with your passphrase (argon2id). The workbook then asks "
                "for the passphrase when it opens; bilan passphrase changes it, bilan decrypt "
                "takes the encryption off. Nobody can recover a forgotten passphrase. Encryption "
                "protects a lost, stolen or copied disk and the backups; it does not protect "
                "against someone using your computer while the workbook is open, nor against "
                "malware, and exports are plain files. bilan wipe destroys the key first: what "
                "remains on the disk can no longer be read."
            ),
            "",
            "## " + _("Sessions and follow-up"),
            "",
            _(
                "In Hours, s plans a session with your consultant and notes what you want to "
                "raise; once it is held, j opens its journal: what you keep from it and what "
                "you will do by the next time, ticked off on the dashboard."
            ),
            "",
            keep_until_follow_up()
            + " "
            + _("Only then, if you wish, delete it with bilan wipe.")
            + " "
            + what_the_organisation_destroys(),
        ]
    )


def escape_cell(text: str) -> str:
    """A table cell shown as written: Markdown's special characters are escaped."""
    return "".join("\\" + char if char in "\\`*_[]|<>#" else char for char in text)


class HelpScreen(ModalScreen[None]):
    """A modal page of help, closed with Escape or F1."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", N_("Close"), tooltip=N_("Close the help"), id="help.close"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape,f1,q | Close the help |
    """

    def __init__(self, data_location: str, keys: Sequence[KeyHelp] = ()) -> None:
        super().__init__(id="help")
        self.data_location = data_location
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            # French is typeset so that no line starts with ":" (#20); English as written.
            markdown = FrenchMarkdown if language() == "fr" else Markdown
            text = french(help_text(self.data_location, self.keys))
            yield markdown(text, open_links=False)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
