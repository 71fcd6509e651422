""" "Explore occupations": France Travail's ROME fiches, searched as you type, and suggestions.

One input over one list. Each keystroke runs the search in the interface's
thread: the referential's full-text index answers in a few milliseconds over
its 13,000 job titles (see ``benchmarks/explorer.py``), less than a worker's
round trip. Filters narrow it: Holland letters (hers by default, cleared with
one key), a centre of interest, the cadre and regulated flags. The other view
lists the fiches closest to her Holland profile, each with its reason and the
near-tie mark; a suggestion is never a verdict. Without a referential, the
screen says what it is and how to import it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Select, Static

from bilan_tui.i18n import N_, _, ngettext
from bilan_tui.referentiel.model import FicheRef
from bilan_tui.services.leads import interest_scores, own_letters
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.fiche_list import (
    NEAR_TIE,
    FicheList,
    hit_option,
    suggestion_option,
    unique_hits,
)
from bilan_tui.ui.widgets.footer import SteadyFooter

if TYPE_CHECKING:
    from bilan_tui.referentiel.reader import Referentiel
    from bilan_tui.services.profile import Profile

RIASEC = "RIASEC"
RESULTS = 50
SUGGESTIONS = 20


class ExplorerScreen(Screen[None]):
    """Search the referential, see suggestions, open a fiche, add it to the leads."""

    CSS_PATH = "explorer.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Go back"), id="explorer.back"),
        Binding(
            "ctrl+t",
            "view(True)",
            N_("Suggestions"),
            tooltip=N_("The fiches closest to your interests"),
            id="explorer.view-true",
        ),
        Binding(
            "ctrl+t",
            "view(False)",
            N_("Search"),
            tooltip=N_("Back to your search"),
            id="explorer.view-false",
        ),
        Binding(
            "ctrl+l",
            "clear_letters",
            N_("All letters"),
            tooltip=N_("Search every Holland code, not only yours"),
            show=False,  # the line above the results says it, the key bar stays within 80
            id="explorer.clear-letters",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Go back |
    | ctrl+t | The fiches closest to your interests |
    | ctrl+t | Back to your search |
    | ctrl+l | Search every Holland code, not only yours |
    """

    def __init__(
        self,
        referential: Referentiel | None,
        profile: Profile | None,
        add_lead: Callable[[FicheRef], bool],
        *,
        mine: set[str] | None = None,
        missing: str = "",
    ) -> None:
        """The explorer over ``referential``, or the message that it is missing.

        Args:
            referential: The imported referential, ``None`` when there is none.
            profile: Her results (letters, scores); ``None`` without a referential.
            add_lead: Makes a fiche a lead; whether it is among her leads afterwards.
            mine: ROME codes already among her leads, marked ✓ in the lists.
            missing: What to say when there is no referential.
        """
        super().__init__(id="explorer")
        self.referential = referential
        self.add_lead = add_lead
        self.mine = set(mine or ())
        self.missing = missing
        self.own = own_letters(profile) if profile is not None else ""
        self.scores = interest_scores(profile) if profile is not None else {}
        self.suggesting = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="explorer-header"):
            yield Static(plain(_("Explore occupations")), id="explorer-title")
            yield Static("", id="explorer-version")
        if self.referential is None:
            yield Static(plain(self.missing), id="explorer-missing")
            yield SteadyFooter(show_command_palette=False)
            return
        yield Input(
            placeholder=_("A job, a word: nurse, wood, children…"),
            id="explorer-query",
            classes="search-only",
        )
        with Horizontal(id="explorer-filters"):
            yield Static(plain(_("Letters")), classes="explorer-label search-only")
            yield Input(
                self.own,
                restrict=f"[{RIASEC}{RIASEC.lower()}]*",
                max_length=6,
                id="explorer-letters",
                classes="search-only",
                compact=True,
            )
            centres = [(plain(name), code) for code, name in self.referential.centres()]
            yield Select(
                centres, prompt=_("Every centre of interest"), id="explorer-centre", compact=True
            )
            for widget_id, label in (("cadre", _("Executive")), ("regulated", _("Regulated"))):
                yield Checkbox(
                    label, id=f"explorer-{widget_id}", classes="search-only", compact=True
                )
        yield Static("", id="explorer-count")
        yield FicheList(id="explorer-results")
        yield Static(plain(self._attribution()), id="explorer-attribution")
        yield SteadyFooter(show_command_palette=False)

    def _attribution(self) -> str:
        from bilan_tui.referentiel.messages import attribution

        assert self.referential is not None
        return attribution(self.referential.version)

    def on_mount(self) -> None:
        if self.referential is None:
            return
        version = _("ROME 4.0, version {number}").format(number=self.referential.version.number)
        self.query_one("#explorer-version", Static).update(plain(version))
        query = self.query_one("#explorer-query", Input)
        query.border_title = _("Search")
        self.refresh_results()
        query.focus()

    # Reading the filters -------------------------------------------------------

    def letters(self) -> str:
        """The Holland letters asked for, upper case, each once."""
        typed = self.query_one("#explorer-letters", Input).value.upper()
        return "".join(dict.fromkeys(letter for letter in typed if letter in RIASEC))

    def centre(self) -> str | None:
        """The centre of interest chosen, if any."""
        value = self.query_one("#explorer-centre", Select).value
        return value if isinstance(value, str) else None

    def _flag(self, widget_id: str) -> bool | None:
        """A flag filter: ``True`` when ticked, ``None`` (no filter) otherwise."""
        return True if self.query_one(widget_id, Checkbox).value else None

    # Showing results -------------------------------------------------------------

    def refresh_results(self) -> None:
        """Search again with the query and filters (or list the suggestions)."""
        if self.referential is None:
            return
        if self.suggesting:
            self._show_suggestions()
        else:
            self._show_search()

    def _show_search(self) -> None:
        assert self.referential is not None
        text = self.query_one("#explorer-query", Input).value.strip()
        letters = self.letters()
        hits = unique_hits(
            self.referential.search(
                text,
                letters=letters,
                centre=self.centre(),
                cadre=self._flag("#explorer-cadre"),
                regulated=self._flag("#explorer-regulated"),
                limit=RESULTS,
            )
        )
        self.results.show(
            [hit.fiche for hit in hits],
            [hit_option(hit, hit.fiche.code in self.mine) for hit in hits],
        )
        parts = [self._count_text(len(hits), bool(text))]
        if letters and letters == self.own:
            parts.append(_("letters: yours ({letters}), ^l for all").format(letters=letters))
        elif letters:
            parts.append(_("letters: {letters}").format(letters=letters))
        self._count(" · ".join(parts))

    def _count_text(self, found: int, typed: bool) -> str:
        if found == 0:
            if not typed:
                return _("Type a job or a word to search.")
            return _("No fiche matches. Try another word, fewer letters or no filter.")
        if found >= RESULTS:
            return _("The first {count} fiches").format(count=found)
        return ngettext("{count} fiche", "{count} fiches", found).format(count=found)

    def _show_suggestions(self) -> None:
        assert self.referential is not None
        if not self.scores:
            self.results.show([], [])
            self._count(
                _(
                    "Suggestions come from your Holland code: answer “My interests” first, "
                    "then come back."
                )
            )
            return
        centre = self.centre()
        found = self.referential.match(
            self.scores, centres=(centre,) if centre else (), limit=SUGGESTIONS
        )
        self.results.show(
            [s.fiche for s in found],
            [suggestion_option(s, s.fiche.code in self.mine) for s in found],
        )
        parts = [_("Fiches close to your interests: leads to look at, never a verdict.")]
        if any(s.near_tie for s in found):
            parts.append(
                _("{mark}: a near-tie in your code; this fiche moves with its order.").format(
                    mark=NEAR_TIE
                )
            )
        self._count(" ".join(parts))

    def _count(self, text: str) -> None:
        # Searching, the line keeps its height: a keystroke then lays nothing out again.
        self.query_one("#explorer-count", Static).update(plain(text), layout=self.suggesting)

    @property
    def results(self) -> FicheList:
        """The list of fiches."""
        return self.query_one("#explorer-results", FicheList)

    # Events ----------------------------------------------------------------------

    @on(Input.Changed, "#explorer-query")
    @on(Select.Changed, "#explorer-centre")
    @on(Checkbox.Changed)
    def _filters_changed(self) -> None:
        self.refresh_results()

    @on(Input.Changed, "#explorer-letters")
    def _letters_changed(self, event: Input.Changed) -> None:
        upper = event.value.upper()
        if upper != event.value:
            event.input.value = upper  # another Changed follows, with the search
            return
        self.refresh_results()

    @on(Input.Submitted, "#explorer-query")
    def _to_results(self) -> None:
        if self.results.option_count:
            self.results.focus()

    @on(FicheList.OptionSelected, "#explorer-results")
    def _open_fiche(self, event: FicheList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.open_fiche(event.option.id)

    @on(FicheList.AddLead)
    def _add(self, event: FicheList.AddLead) -> None:
        event.stop()
        self.add_and_mark(event.ref)

    def open_fiche(self, code: str) -> None:
        """Show one fiche, its mobility links navigable."""
        from bilan_tui.ui.screens.fiche import FicheScreen

        if self.referential is not None:
            self.app.push_screen(FicheScreen(self.referential, code, self.add_and_mark))

    def add_and_mark(self, ref: FicheRef) -> None:
        """Add a fiche to her leads; the lists mark it from now on."""
        if self.add_lead(ref) and ref.code not in self.mine:
            self.mine.add(ref.code)
            self.refresh_results()

    # Actions ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("view", "clear_letters") and self.referential is None:
            return False
        if action == "view":
            return parameters != (self.suggesting,)
        if action == "clear_letters":
            return not self.suggesting
        return True

    def action_view(self, suggestions: bool) -> None:
        """Show the suggestions (``True``) or the search."""
        if suggestions == self.suggesting:
            return
        self.suggesting = suggestions
        self.set_class(suggestions, "-suggesting")
        self.refresh_results()
        self.refresh_bindings()
        if self.suggesting:
            self.results.focus()
        else:
            self.query_one("#explorer-query", Input).focus()

    def action_clear_letters(self) -> None:
        """Search every Holland code."""
        self.query_one("#explorer-letters", Input).value = ""

    def action_back(self) -> None:
        """Back to where the explorer was opened from."""
        self.dismiss(None)
