"""One list of occupation fiches: search results or suggestions, one option per fiche.

A single ``OptionList`` holds every line (never one widget per row): a new
keystroke replaces its options in one call. Every text from the referential is
data, shown as :class:`Content`, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bilan_tui.i18n import N_
from bilan_tui.referentiel.model import FicheRef, SearchHit, Suggestion
from bilan_tui.services.leads import holland_code
from bilan_tui.ui.text import plain

NEAR_TIE = "≈"
"""Marks a suggestion whose place depends on a near-tie in her code."""


def unique_hits(hits: list[SearchHit]) -> list[SearchHit]:
    """One line per fiche: its best hit (several job titles of one fiche may match)."""
    seen: set[str] = set()
    kept = []
    for hit in hits:
        if hit.fiche.code not in seen:
            seen.add(hit.fiche.code)
            kept.append(hit)
    return kept


def _head(ref: FicheRef, mine: bool, mark: str = "") -> Content:
    """``K1207  Title  SA`` with the code and the letters set apart; ✓ when a lead."""
    line = Content.assemble(("✓ " if mine else "  ", "bold $text-success"), (ref.code, "bold"))
    line += Content("  ") + plain(ref.title)
    code = holland_code(ref)
    if code:
        line += Content.assemble("  ", (code, "$text-accent"))
    if mark:
        line += Content.assemble("  ", (mark, "bold $text-warning"))
    return line


def hit_option(hit: SearchHit, mine: bool = False) -> Option:
    """A search result; the job title that matched under it when it is not the fiche's.

    ``mine``: the fiche is already one of her leads (marked ✓).
    """
    prompt = _head(hit.fiche, mine)
    if hit.is_appellation and hit.matched and hit.matched != hit.fiche.title:
        prompt += Content("\n        ↳ ") + plain(hit.matched).stylize("italic $text-muted")
    return Option(prompt, id=hit.fiche.code)


def suggestion_option(suggestion: Suggestion, mine: bool = False) -> Option:
    """A suggestion and, under it, the reason in words (the near-tie mark when it applies)."""
    prompt = _head(suggestion.fiche, mine, NEAR_TIE if suggestion.near_tie else "")
    prompt += Content("\n    ") + plain(suggestion.reason).stylize("$text-muted")
    return Option(prompt, id=suggestion.fiche.code)


class FicheList(OptionList):
    """The fiches found; Enter opens one, ``a`` adds it to the leads."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Out of the key bar (Enter opens any list's line): "a" must fit in 80 columns.
        Binding(
            "enter",
            "select",
            N_("Open"),
            tooltip=N_("Open the highlighted fiche"),
            show=False,
            id="fiche-list.select",
        ),
        Binding(
            "a",
            "add_lead",
            N_("Add to my leads"),
            tooltip=N_("Add this fiche to your leads"),
            id="fiche-list.add-lead",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Open the highlighted fiche |
    | a | Add this fiche to your leads |
    """

    class AddLead(Message):
        """The person asked to add the highlighted fiche to the leads."""

        def __init__(self, ref: FicheRef) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.refs: dict[str, FicheRef] = {}

    def show(self, refs: Sequence[FicheRef], options: list[Option]) -> None:
        """Replace every line at once, the first highlighted."""
        self.refs = {ref.code: ref for ref in refs}
        self.set_options(options)
        if options:
            self.highlighted = 0

    @property
    def highlighted_ref(self) -> FicheRef | None:
        """The fiche under the cursor, if any."""
        option = self.highlighted_option
        return self.refs.get(option.id) if option is not None and option.id else None

    def action_add_lead(self) -> None:
        """Ask the screen to add the highlighted fiche to the leads."""
        ref = self.highlighted_ref
        if ref is not None:
            self.post_message(self.AddLead(ref))
