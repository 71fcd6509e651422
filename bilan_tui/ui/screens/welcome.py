"""The welcome screen: who the workbook belongs to, and how a bilan goes.

Shown once, at the first launch of a workbook with no name, and again from
the palette ("My name and my consultant"). It asks her name as she wants it
on her documents, her language, her consultant and organisation if she knows
them, and gives a short tour of the three phases. Everything is optional:
Escape skips, and nothing she did not type is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
"""Each language named in itself, so that she finds hers whatever is shown."""


@dataclass(frozen=True, slots=True)
class WelcomeAnswers:
    """What she filled in (blank fields are blank, not ``None``)."""

    name: str
    language: str
    consultant: str
    organisme: str
    encrypt: bool = False
    """She asked to protect the workbook with a passphrase (first launch only)."""


def tour() -> str:
    """The three phases, one or two sentences each."""
    return "\n\n".join(
        (
            _(
                "Preliminary phase: you put your request into words, describe where you "
                "stand, and agree with your consultant on how the bilan will run."
            ),
            _(
                "Investigation: you explore what you can do, what drives you and what "
                "matters to you, then look into a few leads and check them against reality."
            ),
            _(
                "Conclusions: you settle on your project, its conditions and the steps to "
                "get there. The synthesis document that sums it up belongs to you alone."
            ),
            _("Go at your own pace: everything you type is saved at once, on this computer only."),
        )
    )


class WelcomeScreen(ModalScreen[WelcomeAnswers | None]):
    """Her name, language, consultant and organisation; the tour of the phases."""

    CSS_PATH = "welcome.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Keep these answers"), id="welcome.save"),
        Binding(
            "escape", "skip", N_("Skip"), tooltip=N_("Leave this for later"), id="welcome.skip"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+s | Keep these answers |
    | escape | Leave this for later |
    """

    def __init__(
        self,
        *,
        name: str,
        language: str,
        consultant: str,
        organisme: str,
        first: bool,
    ) -> None:
        super().__init__(id="welcome")
        self.initial = WelcomeAnswers(name, language, consultant, organisme)
        self.first = first

    def compose(self) -> ComposeResult:
        initial = self.initial
        with Vertical(id="welcome-box"):
            title = _("Welcome") if self.first else _("My name and my consultant")
            yield Static(plain(title), id="welcome-title")
            with VerticalScroll(id="welcome-scroll"):
                yield Static(
                    plain(
                        _(
                            "A few questions to begin, all optional: you can change "
                            "every answer later (^p, “My name and my consultant”)."
                        )
                    ),
                    classes="welcome-intro",
                )
                yield Static(
                    plain(_("Your name, as you want it on your documents")),
                    classes="welcome-label",
                )
                yield Input(
                    initial.name,
                    placeholder=_("e.g. Nadia Fournier"),
                    compact=True,
                    id="welcome-name",
                )
                yield Static(plain(_("Your language")), classes="welcome-label")
                with RadioSet(id="welcome-language", compact=True):
                    for code, shown in LANGUAGE_NAMES.items():
                        yield RadioButton(
                            plain(shown), value=code == initial.language, id=f"language-{code}"
                        )
                yield Static(
                    plain(_("Your consultant, if you know who it is")), classes="welcome-label"
                )
                yield Input(
                    initial.consultant,
                    placeholder=_("e.g. Julien Moreau"),
                    compact=True,
                    id="welcome-consultant",
                )
                yield Static(
                    plain(_("The organisation carrying out your bilan")), classes="welcome-label"
                )
                yield Input(
                    initial.organisme,
                    placeholder=_("as written on your agreement or quote"),
                    compact=True,
                    id="welcome-organisme",
                )
                if self.first:  # offered when the workbook is new: no plain trace left behind
                    yield Static(plain(_("Protect it with a passphrase")), classes="welcome-label")
                    yield Checkbox(
                        plain(_("Encrypt this workbook (the passphrase is asked next)")),
                        compact=True,
                        id="welcome-encrypt",
                    )
                    yield Static(
                        plain(
                            _(
                                "Nobody can recover a forgotten passphrase. You can also do it "
                                "later (^p, “Encrypt this workbook”)."
                            )
                        ),
                        classes="welcome-intro",
                    )
                yield Static(plain(_("How a bilan goes")), classes="welcome-label")
                yield Static(plain(tour()), id="welcome-tour")
            with Horizontal(id="welcome-buttons"):
                yield Button(plain(_("Save")), variant="primary", compact=True, id="welcome-save")
                yield Button(plain(_("Skip")), compact=True, id="welcome-skip")
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#welcome-name", Input).focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#welcome-save")
    def action_save(self) -> None:
        """Close with what she typed."""
        self.dismiss(self.answers())

    @on(Button.Pressed, "#welcome-skip")
    def action_skip(self) -> None:
        """Close without storing anything."""
        self.dismiss(None)

    def answers(self) -> WelcomeAnswers:
        """The fields as they are now."""
        pressed = self.query_one("#welcome-language", RadioSet).pressed_button
        language = (pressed.id or "").removeprefix("language-") if pressed else ""
        return WelcomeAnswers(
            name=self.query_one("#welcome-name", Input).value.strip(),
            language=language if language in LANGUAGE_NAMES else self.initial.language,
            consultant=self.query_one("#welcome-consultant", Input).value.strip(),
            organisme=self.query_one("#welcome-organisme", Input).value.strip(),
            encrypt=any(box.value for box in self.query("#welcome-encrypt").results(Checkbox)),
        )
