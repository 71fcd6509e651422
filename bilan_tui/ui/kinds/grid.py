"""The ``grid`` kind: rate skills on mastery and desire, add your own, see their zone.

Skills come from the pack's list, from the person (stored as a list of labels
at ``CUSTOM_ITEMS``) and from the tags of another exercise's records (the
achievement stories), merged by ``scoring.grid.grid_items``. A rating is
stored at ``RATING_KEYS.key(item key)`` as ``[mastery, desire]``, either possibly
``None`` while only one axis is rated.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input, OptionList, Static

from bilan_tui.domain.answers import CUSTOM_ITEMS, ExerciseAnswers, JSONValue
from bilan_tui.domain.keys import RATING_KEYS
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.scoring import (
    GridItem,
    GridItemKind,
    Rating,
    custom_key,
    grid_items,
    read_ratings,
    tag_key,
)
from bilan_tui.domain.scoring.grid import clean_label
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import N_, _, ngettext
from bilan_tui.ui.text import plain

from .base import ExerciseBody, ExerciseContext
from .grid_add import GridAddRow
from .grid_list import GridList
from .grid_rows import MASTERY, Columns, grouped_rows, zone_label, zone_of


class GridBody(ExerciseBody):
    """The skills grid: a list with two ratings per line, a detail line and a legend."""

    DEFAULT_CSS = """
    GridBody {
        height: 1fr;
        min-height: 12;
    }
    GridBody.-with-fields {
        height: auto;
    }
    GridBody #grid-header {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    GridBody #grid-list {
        height: 1fr;
        min-height: 5;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        border: none;
        padding: 0;
    }
    GridBody.-with-fields #grid-list {
        height: 16;
    }
    GridBody #grid-list:focus {
        background-tint: $foreground 3%;
    }
    GridBody #grid-detail {
        height: auto;
        max-height: 3;
        padding: 0 1;
        border-top: solid $primary 30%;
    }
    GridBody #grid-legend {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    GridBody #grid-add {
        height: auto;
    }
    GridBody #grid-add Input {
        width: 1fr;
    }
    GridBody .grid-add-hint {
        width: auto;
        padding: 1 1 0 1;
        color: $text-muted;
    }
    GridBody .field-editor:first-of-type {
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a", "add", N_("Add my own"), tooltip=N_("Add a skill in your own words"), id="grid.add"
        ),
        Binding("x", "remove", N_("Remove my item"), show=False, id="grid.remove"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | a | Add a skill in your own words |
    | x | Remove my item |
    """

    def __init__(
        self, exercise: Exercise, answers: ExerciseAnswers, context: ExerciseContext
    ) -> None:
        super().__init__(exercise, answers, context)
        self.columns = Columns.measure()
        self.source = self.source_exercise()
        self.source_entries = self.source_record_entries()
        self.items: list[GridItem] = []
        self.ratings: dict[str, Rating] = {}
        self._merge()

    def _merge(self) -> None:
        """Gather the items (pack, own, tags) and their ratings from the answers."""
        self.items = grid_items(self.exercise, self.answers, self.source_entries, self.source)
        self.ratings = read_ratings(self.answers, self.items)

    def compose(self) -> ComposeResult:
        self.set_class(bool(self.exercise.fields), "-with-fields")
        yield Static(self.columns.header(MASTERY), id="grid-header")
        yield GridList(self.columns, id="grid-list")
        yield Static("", id="grid-detail")
        yield Static(
            plain(_("↑↓ skill  ←→ mastery/desire  0–3 rate (mastery, then desire)  ⌫ clear")),
            id="grid-legend",
        )
        add_row = GridAddRow(id="grid-add")
        add_row.display = False
        yield add_row
        for field in self.exercise.fields:
            yield self.field_editor(field)

    def on_mount(self) -> None:
        self._redraw(None)

    def _redraw(self, focus_key: str | None) -> None:
        """Draw the list from the merged items (on open, after an add or a removal)."""
        title = self.source.title if self.source else ""
        rows = grouped_rows(self.exercise, self.items, title)
        self.query_one(GridList).show(rows, self.ratings, focus_key)
        self._show_detail()

    def progress(self) -> tuple[int, int]:
        """Skills with both ratings, out of all the skills listed."""
        ratings = self.ratings
        done = sum(zone_of(ratings.get(item.key, Rating())) is not None for item in self.items)
        return done, len(self.items)

    # Ratings -------------------------------------------------------------

    @on(GridList.Rated)
    def _rated(self, event: GridList.Rated) -> None:
        event.stop()
        item, rating = event.item, event.rating
        value: JSONValue = None if rating == Rating() else [rating.mastery, rating.desire]
        self._store(RATING_KEYS.key(item.key), value)
        if value is None:
            # An absorbed duplicate would otherwise bring the old rating back.
            for alias in item.aliases:
                if self.answers.get(RATING_KEYS.key(alias)) is not None:
                    self._store(RATING_KEYS.key(alias), None)
        self._show_detail()

    def _store(self, field_id: str, value: JSONValue) -> None:
        if self.answers.get(field_id) != value:
            self.answers.set(field_id, value)
            self.edited(field_id)

    @on(GridList.AxisChanged)
    def _axis_changed(self, event: GridList.AxisChanged) -> None:
        event.stop()
        self.query_one("#grid-header", Static).update(self.columns.header(event.axis))

    @on(OptionList.OptionHighlighted, "#grid-list")
    def _highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        """The full text of the current skill, its zone and the stories citing it."""
        grid = self.query_one(GridList)
        item = grid.current
        detail = self.query_one("#grid-detail", Static)
        if item is None:
            detail.update("")
            return
        parts = [plain(item.text).stylize("bold")]
        zone = zone_of(self.ratings.get(item.key, Rating()))
        if zone:
            parts.append(Content(" — " + zone_label(zone)))
        if item.kind is GridItemKind.CUSTOM:
            parts.append(Content("  " + _("(your own: x removes it)")).stylize("$text-muted"))
        if item.evidence:
            count = len(item.evidence)
            cited = ngettext("Cited in {count} entry: ", "Cited in {count} entries: ", count)
            titles = " · ".join(proof.title or "…" for proof in item.evidence)
            parts.append(Content("\n"))
            parts.append(plain(cited.format(count=count) + titles).stylize("$text-muted"))
        detail.update(Content.assemble(*parts))

    # Own items -------------------------------------------------------------

    def _own_labels(self) -> list[str]:
        value = self.answers.get(CUSTOM_ITEMS)
        return (
            [label for label in value if isinstance(label, str)] if isinstance(value, list) else []
        )

    def action_add(self) -> None:
        """Open the input that adds a skill."""
        row = self.query_one(GridAddRow)
        row.display = True
        row.query_one(Input).focus()

    def _close_add(self) -> None:
        row = self.query_one(GridAddRow)
        row.query_one(Input).value = ""
        row.display = False
        self.query_one(GridList).focus()

    @on(GridAddRow.Cancelled)
    def _add_cancelled(self, event: GridAddRow.Cancelled) -> None:
        event.stop()
        self._close_add()

    @on(Input.Submitted, "#grid-add-input")
    def _add_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        label = clean_label(clean_text(event.value))
        if not label:
            self._close_add()
            return
        same = next((item for item in self.items if tag_key(item.text) == tag_key(label)), None)
        self._close_add()
        if same is not None:
            self.notify(
                _("“{label}” is already in the list.").format(label=same.text), markup=False
            )
            self.query_one(GridList).highlighted = self.query_one(GridList).index_of(same.key)
            return
        labels: list[JSONValue] = [*self._own_labels(), label]
        self._store(CUSTOM_ITEMS, labels)
        self._merge()
        self._redraw(custom_key(label))

    def action_remove(self) -> None:
        """Remove the current skill if it is one of the person's own."""
        item = self.query_one(GridList).current
        if item is None or item.kind is not GridItemKind.CUSTOM:
            self.notify(_("Only the skills you added yourself can be removed."), timeout=3)
            return
        kept: list[JSONValue] = [
            label for label in self._own_labels() if custom_key(label) != item.key
        ]
        self._store(CUSTOM_ITEMS, kept)
        if self.answers.get(RATING_KEYS.key(item.key)) is not None:
            self._store(RATING_KEYS.key(item.key), None)
        self._merge()
        self._redraw(None)
