"""The help screen (f1): what the keys do and where the data lives."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from bilan_tui.i18n import _


def help_text(data_location: str) -> str:
    """The help page as Markdown, in the current language."""
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
            "## " + _("Keys"),
            "",
            "| " + _("key") + " | " + _("what it does") + " |",
            "|---|---|",
            "| ↑ ↓ | " + _("move in a list") + " |",
            "| " + _("Enter") + " | " + _("open the exercise under the cursor") + " |",
            "| n | " + _("open the suggested next exercise") + " |",
            "| p | " + _("your profile: your results as pictures") + " |",
            "| h | " + _("the hours ledger: log and correct your hours") + " |",
            "| e | " + _("export your synthesis or your detailed results") + " |",
            "| m | "
            + _("explore occupations: France Travail's fiches, suggestions, your leads")
            + " |",
            "| i | " + _("import a homework file from your consultant") + " |",
            "| " + _("Tab, Shift+Tab") + " | " + _("next or previous field") + " |",
            "| Ctrl+S | " + _("mark the exercise as done (or in progress again)") + " |",
            "| " + _("Escape") + " | " + _("save and go back") + " |",
            "| Ctrl+P | " + _("find an exercise or a command by typing") + " |",
            "| F1 | " + _("this help") + " |",
            "| Ctrl+Q | " + _("save and quit") + " |",
            "",
            "## " + _("Explore occupations"),
            "",
            _(
                "France Travail's occupation fiches (the ROME referential), once you have "
                "imported them with bilan metiers import. Type a job or a word: the list "
                "follows your typing. Your own Holland letters filter it at first (Ctrl+L "
                "for every letter); Ctrl+T shows the fiches closest to your interests, each "
                "with its reason, never a verdict. Enter opens a fiche, l goes to the close "
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
        ]
    )


class HelpScreen(ModalScreen[None]):
    """A modal page of help, closed with Escape or F1."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", _("Close"), tooltip=_("Close the help")),
    ]

    def __init__(self, data_location: str) -> None:
        super().__init__(id="help")
        self.data_location = data_location

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(help_text(self.data_location), open_links=False)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
