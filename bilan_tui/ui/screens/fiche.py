"""One occupation fiche: every part of it, its close and next fiches, the attribution.

The fiche reads as one text (``fiche_text``); its mobility links are a list
under it: Enter opens the linked fiche in place, Escape comes back to the one
before, then to the explorer. ``a`` adds the fiche shown to the leads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bilan_tui.i18n import N_, _
from bilan_tui.referentiel.model import Fiche, FicheRef
from bilan_tui.services.leads import holland_code
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.fiche_text import fiche_content
from bilan_tui.ui.widgets.footer import SteadyFooter

if TYPE_CHECKING:
    from bilan_tui.referentiel.reader import Referentiel

LINK = "→"


def mobility_options(fiche: Fiche) -> list[Option]:
    """The close fiches, then the next ones, under a heading each (headings disabled)."""
    options: list[Option] = []
    for kind, title, refs in (
        ("close", _("Close occupations"), fiche.close),
        ("next", _("Possible next steps"), fiche.next),
    ):
        if not refs:
            continue
        options.append(Option(plain(title).stylize("bold"), disabled=True))
        for ref in refs:
            line = plain(f"{LINK} {ref.code}  {ref.title}")
            code = holland_code(ref)
            if code:
                line += plain(f"  {code}").stylize("$text-accent")
            options.append(Option(line, id=f"{kind}:{ref.code}"))
    return options


class FicheScreen(Screen[None]):
    """A fiche of the referential, read in full; its mobility links lead to other fiches."""

    CSS_PATH = "fiche.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            N_("Back"),
            tooltip=N_("The fiche before, or the search"),
            id="fiche.back",
        ),
        Binding(
            "a",
            "add_lead",
            N_("Add to my leads"),
            tooltip=N_("Add this fiche to your leads"),
            id="fiche.add-lead",
        ),
        Binding(
            "l",
            "links",
            N_("Links"),
            tooltip=N_("Go to the close and next occupations"),
            id="fiche.links",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | The fiche before, or the search |
    | a | Add this fiche to your leads |
    | l | Go to the close and next occupations |
    """

    def __init__(
        self, referential: Referentiel, code: str, add_lead: Callable[[FicheRef], None]
    ) -> None:
        super().__init__(id="fiche")
        self.referential = referential
        self.add_lead = add_lead
        self.code = code
        self.fiche: Fiche | None = None
        self.history: list[str] = []

    def compose(self) -> ComposeResult:
        from bilan_tui.referentiel.messages import attribution

        with Horizontal(id="fiche-header"):
            yield Static("", id="fiche-title")
            yield Static("", id="fiche-version")
        with VerticalScroll(id="fiche-scroll"):
            yield Static("", id="fiche-body")
            yield OptionList(id="fiche-links")
            yield Static(plain(attribution(self.referential.version)), id="fiche-attribution")
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        version = _("ROME 4.0, version {number}").format(number=self.referential.version.number)
        self.query_one("#fiche-version", Static).update(plain(version))
        self.show(self.code)
        self.query_one("#fiche-scroll").focus()

    def show(self, code: str) -> bool:
        """Draw fiche ``code``; ``False`` (and a message) if the referential lacks it."""
        fiche = self.referential.fiche(code)
        if fiche is None:
            self.notify(_("No fiche {code} in this referential.").format(code=code), markup=False)
            return False
        self.fiche, self.code = fiche, code
        self.query_one("#fiche-title", Static).update(plain(f"{code} · {fiche.ref.title}"))
        self.query_one("#fiche-body", Static).update(fiche_content(fiche))
        links = self.query_one("#fiche-links", OptionList)
        links.set_options(mobility_options(fiche))
        links.display = links.option_count > 0
        self.query_one("#fiche-scroll", VerticalScroll).scroll_home(animate=False)
        return True

    @on(OptionList.OptionSelected, "#fiche-links")
    def _follow(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = (event.option.id or "").partition(":")[2]
        previous = self.code
        if target and self.show(target):
            self.history.append(previous)
            self.query_one("#fiche-scroll").focus()

    def action_links(self) -> None:
        """Put the cursor on the mobility links."""
        links = self.query_one("#fiche-links", OptionList)
        if links.option_count:
            links.focus()
            links.scroll_visible()
            if links.highlighted is None:
                links.action_first()

    def action_add_lead(self) -> None:
        """Add the fiche shown to the leads."""
        if self.fiche is not None:
            self.add_lead(self.fiche.ref)

    def action_back(self) -> None:
        """The fiche opened before this one, else back to the explorer."""
        if self.history:
            self.show(self.history.pop())
            self.query_one("#fiche-scroll").focus()
        else:
            self.dismiss(None)
