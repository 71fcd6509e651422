"""Reading the kind-specific part of an exercise (scale, items, cards, criteria...).

Each kind accepts its own keys (``KIND_KEYS``); a key of another kind is
reported as "does not apply", so that a ``scale`` pasted into a card sort does
not silently do nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from bilan_tui.domain.model import Kind
from bilan_tui.domain.parts import Card, Criterion, Dimension, Group, Item, Pile, Scale, Source
from bilan_tui.i18n import _

from .fields import check_points
from .limits import (
    MAX_CARDS,
    MAX_CRITERIA,
    MAX_DIMENSIONS,
    MAX_GROUPS,
    MAX_ITEMS,
    MAX_PILES,
)
from .reader import TableReader, check_unique
from .words import plural

KIND_KEYS: dict[Kind, frozenset[str]] = {
    Kind.FORM: frozenset(),
    Kind.RECORDS: frozenset({"entry_label", "summary_fields", "sort_by"}),
    Kind.LIKERT: frozenset({"top", "scale", "dimensions", "items"}),
    Kind.CARDSORT: frozenset({"top", "piles", "cards"}),
    Kind.GRID: frozenset({"source", "groups", "items"}),
    Kind.MATRIX: frozenset({"source", "criteria"}),
}
"""The keys each kind adds to the common ones."""

ALL_KIND_KEYS = frozenset().union(*KIND_KEYS.values())

_Titled = TypeVar("_Titled", Pile, Card, Group)


@dataclass(slots=True)
class KindParts:
    """What a kind contributes to its ``Exercise``; unused parts stay empty."""

    entry_label: str = ""
    summary_fields: tuple[str, ...] = ()
    sort_by: str = ""
    scale: Scale | None = None
    dimensions: tuple[Dimension, ...] = ()
    items: tuple[Item, ...] = ()
    top: int = 0
    piles: tuple[Pile, ...] = ()
    cards: tuple[Card, ...] = ()
    groups: tuple[Group, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    source: Source | None = None


def read_kind(kind: Kind, table: TableReader) -> KindParts:
    """Read the keys of ``kind`` from the exercise's front matter."""
    return _READERS[kind](table)


def _raw_ids(table: TableReader, key: str) -> set[str]:
    """The string ids written in an array of tables, valid or not (no knock-on errors)."""
    entries = table.data.get(key)
    if not isinstance(entries, list):
        return set()
    return {
        entry["id"]
        for entry in entries
        if isinstance(entry, Mapping) and isinstance(entry.get("id"), str)
    }


def _form(table: TableReader) -> KindParts:
    return KindParts()


def _records(table: TableReader) -> KindParts:
    entry_label = table.text("entry_label")
    names = table.strings("summary_fields")
    known = _raw_ids(table, "fields")
    for name in dict.fromkeys(names):
        if name not in known:
            table.report.at_value(
                (*table.where, "summary_fields"),
                name,
                _("'summary_fields' names unknown field {name}").format(name=repr(name)),
            )
    sort_by = table.text("sort_by")
    if sort_by and sort_by not in known:
        table.report.at_value(
            (*table.where, "sort_by"),
            sort_by,
            _("'sort_by' names unknown field {name}").format(name=repr(sort_by)),
        )
        sort_by = ""
    return KindParts(entry_label=entry_label, summary_fields=tuple(names), sort_by=sort_by)


def _top(table: TableReader, count: int, noun: str) -> int:
    top = table.integer("top", low=1)
    if top is not None and count and top > count:
        message = _("'top' ({top}) is more than the number of {nouns} ({count})")
        table.problem(message.format(top=top, nouns=plural(noun), count=count), "top")
    return top or 0


def _scale(table: TableReader) -> Scale | None:
    reader = table.table("scale", "scale", required=True)
    if reader is None:
        return None
    low = reader.integer("min", required=True)
    high = reader.integer("max", required=True)
    labels = reader.texts("labels")
    pair_labels = reader.texts("pair_labels")
    reader.finish("scale")
    if low is None or high is None:
        return None
    if low >= high:
        reader.problem(
            _("'min' ({low}) must be less than 'max' ({high})").format(low=low, high=high), "max"
        )
        return None
    if not check_points(reader, low, high):
        return None
    for key, given in (("labels", labels), ("pair_labels", pair_labels)):
        if given and len(given) != high - low + 1:
            points = high - low + 1
            message = _("'{key}' has {count} labels for {points} points")
            reader.problem(message.format(key=key, count=len(given), points=points), key)
    return Scale(min=low, max=high, labels=labels, pair_labels=pair_labels)


def _dimensions(table: TableReader) -> tuple[Dimension, ...]:
    readers = table.tables("dimensions", "dimension", required=True, most=MAX_DIMENSIONS)
    dimensions = []
    letters: set[str] = set()
    for reader in readers:
        dimension = Dimension(
            id=reader.ident(),
            title=reader.text("title", required=True),
            description=reader.text("description"),
            letter=reader.text("letter"),
        )
        if len(dimension.letter) > 1:
            reader.problem(
                _("'letter' must be a single character, not {letter}").format(
                    letter=repr(dimension.letter)
                ),
                "letter",
            )
        elif dimension.letter in letters:
            reader.problem(
                _("letter {letter} is already used").format(letter=repr(dimension.letter)),
                "letter",
            )
        if dimension.letter:
            letters.add(dimension.letter)
        reader.finish("dimension")
        dimensions.append(dimension)
    check_unique(readers, [dimension.id for dimension in dimensions], "dimension")
    return tuple(dimensions)


def _items(table: TableReader, link: str, known: set[str], *, required: bool) -> tuple[Item, ...]:
    """Likert items (``link`` = dimension) or grid items (``link`` = group)."""
    readers = table.tables("items", "item", required=required, most=MAX_ITEMS)
    items = []
    for reader in readers:
        ident = reader.ident()
        text = reader.text("text", required=True)
        target = reader.ident(link, required=required or bool(known))
        if target and target not in known:
            if link == "dimension":
                message = _("unknown dimension {id}")
            else:
                message = _("unknown group {id}")
            reader.problem(message.format(id=repr(target)), link)
        if link == "dimension":
            items.append(_likert_item(reader, ident, text, target, known))
            reader.finish("likert item")
        else:
            also = reader.texts("also")
            reader.finish("grid item")
            items.append(Item(id=ident, text=text, group=target, also=also))
    check_unique(readers, [item.id for item in items], "item")
    return tuple(items)


def _likert_item(reader: TableReader, ident: str, text: str, target: str, known: set[str]) -> Item:
    """A likert item: one statement, a reversed one, or a forced choice between two."""
    versus = reader.ident("versus", required=False)
    versus_text = reader.text("versus_text")
    reverse = reader.boolean("reverse")
    if versus and versus not in known:
        reader.problem(_("unknown dimension {id}").format(id=repr(versus)), "versus")
    elif versus and versus == target:
        reader.problem(_("a forced choice needs two different dimensions"), "versus")
    if bool(versus) != bool(versus_text):
        reader.problem(_("a forced choice needs both 'versus' and 'versus_text'"), "versus_text")
    if reverse and versus:
        reader.problem(_("a forced choice cannot also be 'reverse'"), "reverse")
    return Item(
        id=ident,
        text=text,
        dimension=target,
        versus=versus,
        versus_text=versus_text,
        reverse=reverse,
    )


def _likert(table: TableReader) -> KindParts:
    scale = _scale(table)
    dimensions = _dimensions(table)
    items = _items(table, "dimension", _raw_ids(table, "dimensions"), required=True)
    if scale is not None and not scale.pair_labels and any(i.forced_choice for i in items):
        table.problem(_("forced choices need 'pair_labels' in the scale"), "scale")
    top = _top(table, len(dimensions), "dimensions")
    return KindParts(scale=scale, dimensions=dimensions, items=items, top=top)


def _titled(
    table: TableReader,
    key: str,
    noun: str,
    build: Callable[[TableReader], _Titled],
    required: bool,
    most: int,
) -> tuple[_Titled, ...]:
    readers = table.tables(key, noun, required=required, most=most)
    built = []
    for reader in readers:
        built.append(build(reader))
        reader.finish(noun)
    check_unique(readers, [entry.id for entry in built], noun)
    return tuple(built)


def _pile(reader: TableReader) -> Pile:
    return Pile(id=reader.ident(), title=reader.text("title", required=True))


def _card(reader: TableReader) -> Card:
    return Card(
        id=reader.ident(),
        title=reader.text("title", required=True),
        description=reader.text("description"),
    )


def _group(reader: TableReader) -> Group:
    return Group(id=reader.ident(), title=reader.text("title", required=True))


def _cardsort(table: TableReader) -> KindParts:
    piles = _titled(table, "piles", "pile", _pile, required=True, most=MAX_PILES)
    cards = _titled(table, "cards", "card", _card, required=True, most=MAX_CARDS)
    return KindParts(piles=piles, cards=cards, top=_top(table, len(cards), "cards"))


def _source(table: TableReader, *, required: bool) -> Source | None:
    reader = table.table("source", "source", required=required)
    if reader is None:
        return None
    source = Source(exercise=reader.ident("exercise"), field=reader.ident("field"))
    reader.finish("source")
    return source


def _grid(table: TableReader) -> KindParts:
    source = _source(table, required=False)
    groups = _titled(table, "groups", "group", _group, required=False, most=MAX_GROUPS)
    items = _items(table, "group", _raw_ids(table, "groups"), required=False)
    return KindParts(source=source, groups=groups, items=items)


def _matrix(table: TableReader) -> KindParts:
    source = _source(table, required=True)
    readers = table.tables("criteria", "criterion", required=True, most=MAX_CRITERIA)
    criteria = []
    for reader in readers:
        weight = reader.integer("weight", low=1, high=5)
        eliminatory = reader.boolean("eliminatory")
        if eliminatory and weight is not None:
            reader.problem(_("an eliminatory criterion has no weight"), "weight")
        criteria.append(
            Criterion(
                id=reader.ident(),
                title=reader.text("title", required=True),
                weight=3 if weight is None else weight,
                eliminatory=eliminatory,
            )
        )
        reader.finish("criterion")
    check_unique(readers, [criterion.id for criterion in criteria], "criterion")
    return KindParts(source=source, criteria=tuple(criteria))


_READERS: dict[Kind, Callable[[TableReader], KindParts]] = {
    Kind.FORM: _form,
    Kind.RECORDS: _records,
    Kind.LIKERT: _likert,
    Kind.CARDSORT: _cardsort,
    Kind.GRID: _grid,
    Kind.MATRIX: _matrix,
}
