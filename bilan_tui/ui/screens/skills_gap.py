"""A lead's skills gap: the fiche's core items beside what she has, each marked in her words.

On the left, the core savoir-faire and savoirs of the fiche the lead is linked
to, one list; on the right, the skills she rated in "My skills" and the titles
of her stories, to look at while deciding. She marks the highlighted item
with a digit: 1 "I have it" (then says what proves it), 2 "to acquire" (then
how she means to), 3 "not for me", 0 clears. Her marks are written on the lead
(codes and her words only, ``domain/skills_gap.py``), her words within a
second, and when she moves to another item or leaves.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from bilan_tui.domain.answers import REFERENTIAL_VERSION
from bilan_tui.domain.skills_gap import GapMark, GapState, gap_key, mark_value, marks_of
from bilan_tui.i18n import N_, _
from bilan_tui.referentiel.model import Fiche, SkillItem, SkillKind
from bilan_tui.services.leads import Keys
from bilan_tui.ui.lead_book import LeadBook
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter

GLYPHS = {GapState.HAVE: "✓", GapState.ACQUIRE: "→", GapState.NOT_FOR_ME: "–"}
SAVE_DELAY = 1.0


def gap_items(fiche: Fiche) -> list[SkillItem]:
    """The core savoir-faire, then the core savoirs (every savoir when none is core)."""
    chosen = []
    for kind in (SkillKind.SAVOIR_FAIRE, SkillKind.SAVOIR):
        items = [item for item in fiche.skills if item.kind is kind]
        core = [item for item in items if item.core]
        chosen.extend(core or items)
    return chosen


def state_label(state: GapState) -> str:
    """Her answer in words."""
    return {
        GapState.HAVE: _("I have it"),
        GapState.ACQUIRE: _("to acquire"),
        GapState.NOT_FOR_ME: _("not for me"),
    }[state]


def gap_counts(marks: dict[str, GapMark]) -> str:
    """ "3 to acquire · 2 I have · 1 not for me" (only what is there)."""
    states = [mark.state for mark in marks.values()]
    parts = []
    for state, text in (
        (GapState.ACQUIRE, _("{count} to acquire")),
        (GapState.HAVE, _("{count} I have")),
        (GapState.NOT_FOR_ME, _("{count} not for me")),
    ):
        count = states.count(state)
        if count:
            parts.append(text.format(count=count))
    return " · ".join(parts) if parts else _("Nothing marked yet.")


class SkillsGapScreen(Screen[None]):
    """Mark each core item of a lead's fiche: have it, to acquire, not for me."""

    CSS_PATH = "skills_gap.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Save and go back"), id="skills-gap.back"),
        Binding(
            "1",
            "mark('je-l-ai')",
            N_("I have it"),
            tooltip=N_("You have it: say what proves it"),
            id="skills-gap.mark-jeminuslminusai",
        ),
        Binding(
            "2",
            "mark('a-acquerir')",
            N_("To acquire"),
            tooltip=N_("Say how you mean to"),
            id="skills-gap.mark-aminusacquerir",
        ),
        Binding(
            "3",
            "mark('pas-pour-moi')",
            N_("Not for me"),
            tooltip=N_("It does not concern you"),
            id="skills-gap.mark-pasminuspourminusmoi",
        ),
        Binding(
            "0",
            "mark('')",
            N_("Clear"),
            tooltip=N_("Remove the mark"),
            show=False,
            id="skills-gap.mark-",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Save and go back |
    | 1 | You have it: say what proves it |
    | 2 | Say how you mean to |
    | 3 | It does not concern you |
    | 0 | Remove the mark |
    """

    def __init__(
        self,
        book: LeadBook,
        entry_id: str,
        fiche: Fiche,
        version: int,
        mine: tuple[list[tuple[str, int]], list[str]],
        attribution: str,
    ) -> None:
        super().__init__(id="skills-gap")
        self.book = book
        self.entry_id = entry_id
        self.fiche = fiche
        self.version = version
        self.items = gap_items(fiche)
        self.skills, self.stories = mine
        self.attribution = attribution
        self._timer_running = False
        self._pending: Keys = []

    def compose(self) -> ComposeResult:
        ref = self.fiche.ref
        with Horizontal(id="gap-header"):
            title = _("Skills gap — {title} ({code})").format(title=ref.title, code=ref.code)
            yield Static(plain(title), id="gap-title")
        with Horizontal(id="gap-body"):
            with Vertical(id="gap-left"):
                items = OptionList(id="gap-items")
                items.border_title = _("What the fiche asks for (core of the job)")
                yield items
                note = Input(id="gap-note", disabled=True)
                yield note
            with VerticalScroll(id="gap-mine"):
                yield Static(self._mine(), id="gap-mine-text")
        yield Static("", id="gap-counts")
        yield Static(plain(self.attribution), id="gap-attribution")
        yield SteadyFooter(show_command_palette=False)

    def _mine(self) -> Content:
        lines = [Content(_("Your skills")).stylize("bold")]
        if not self.skills:
            lines.append(plain(_("None rated yet in “My skills”.")).stylize("$text-muted"))
        for text, mastery in self.skills:
            lines.append(plain(f"{'●' * mastery}{'○' * (3 - mastery)} {text}"))
        lines += [Content(""), Content(_("Your stories")).stylize("bold")]
        if not self.stories:
            lines.append(plain(_("None written yet in “My achievements”.")).stylize("$text-muted"))
        lines.extend(plain(f"• {title}") for title in self.stories)
        return Content("\n").join(lines)

    def on_mount(self) -> None:
        self.query_one("#gap-mine").border_title = _("What you have")
        self._draw(0)
        self.query_one("#gap-items", OptionList).focus()

    def marks(self) -> dict[str, GapMark]:
        """Her marks on this lead, by item code."""
        values = {
            field_id: value
            for (field_id, owner), value in self.book.answers.values.items()
            if owner == self.entry_id
        }
        return marks_of(values)

    def _draw(self, highlight: int | None) -> None:
        marks = self.marks()
        options: list[Option] = []
        kind: SkillKind | None = None
        for item in self.items:
            if item.kind is not kind:
                kind = item.kind
                heading = _("Know-how") if kind is SkillKind.SAVOIR_FAIRE else _("Knowledge")
                options.append(Option(Content(heading).stylize("bold"), disabled=True))
            mark = marks.get(item.code)
            glyph = GLYPHS[mark.state] if mark else " "
            line = Content(f"{glyph} ") + plain(item.label)
            if mark and mark.note:
                line += Content("\n    ") + plain(mark.note).stylize("italic $text-muted")
            options.append(Option(line, id=item.code))
        items = self.query_one("#gap-items", OptionList)
        items.set_options(options)
        if options:
            first = next(i for i, option in enumerate(options) if not option.disabled)
            items.highlighted = max(highlight or 0, first)
        self.query_one("#gap-counts", Static).update(plain(gap_counts(marks)))
        self._show_note()

    def current(self) -> SkillItem | None:
        """The item under the cursor."""
        option = self.query_one("#gap-items", OptionList).highlighted_option
        code = option.id if option is not None else None
        return next((item for item in self.items if item.code == code), None)

    def _show_note(self) -> None:
        """The note field follows the highlighted item's mark."""
        note = self.query_one("#gap-note", Input)
        item = self.current()
        mark = self.marks().get(item.code) if item else None
        usable = mark is not None and mark.state is not GapState.NOT_FOR_ME
        note.disabled = not usable
        note.border_title = (
            _("What proves it")
            if mark is not None and mark.state is GapState.HAVE
            else _("How you mean to acquire it")
            if usable
            else _("Your words (after 1 or 2)")
        )
        with note.prevent(Input.Changed):
            note.value = mark.note if mark is not None else ""

    @on(OptionList.OptionHighlighted, "#gap-items")
    def _moved(self) -> None:
        self.save()
        self._show_note()

    def action_mark(self, state: str) -> None:
        """Mark the highlighted item (``""`` clears it), then ask for her words."""
        item = self.current()
        if item is None:
            return
        previous = self.marks().get(item.code)
        answers = self.book.answers
        if state:
            note = previous.note if previous is not None else ""
            answers.set(gap_key(item.code), mark_value(GapState(state), note), self.entry_id)
        else:
            answers.set(gap_key(item.code), None, self.entry_id)
        answers.set(REFERENTIAL_VERSION, self.version, self.entry_id)
        self._pending += [(gap_key(item.code), self.entry_id), (REFERENTIAL_VERSION, self.entry_id)]
        self.save()
        self._draw(self.query_one("#gap-items", OptionList).highlighted)
        if state and state != GapState.NOT_FOR_ME:
            self.query_one("#gap-note", Input).focus()

    @on(Input.Changed, "#gap-note")
    def _note_typed(self, event: Input.Changed) -> None:
        item = self.current()
        mark = self.marks().get(item.code) if item else None
        if item is None or mark is None:
            return
        value = mark_value(mark.state, event.value)
        self.book.answers.set(gap_key(item.code), value, self.entry_id)
        self._pending.append((gap_key(item.code), self.entry_id))
        if not self._timer_running:
            self._timer_running = True
            self.set_timer(SAVE_DELAY, self._timed_save)

    @on(Input.Submitted, "#gap-note")
    def _note_done(self) -> None:
        self.save()
        items = self.query_one("#gap-items", OptionList)
        self._draw(items.highlighted)
        items.focus()

    def _timed_save(self) -> None:
        self._timer_running = False
        self.save()

    def save(self) -> bool:
        """Write her pending marks and words; say so if the disk refuses."""
        if not self._pending:
            return True
        keys, self._pending = sorted(set(self._pending)), []
        problem = self.book.save(keys)
        if problem is not None:
            self.notify(
                _("Not saved: {reason}. Kept here, saved as soon as possible.").format(
                    reason=problem
                ),
                severity="error",
                markup=False,
            )
            return False
        return True

    def on_unmount(self) -> None:
        self.save()

    def action_back(self) -> None:
        """Save, then go back."""
        self.save()
        self.dismiss(None)
