"""A workbook whose every private answer holds a marker that must never reach someone else.

``marked_answers`` answers every field of every exercise of a pack. A private
field gets a unique marker (text, tags, or a number for ``number`` fields); a
record entry that picks a private choice (a life event tagged "health") gets
markers in every field, since the whole entry is private. Tags of private
fields all carry the same marker, so a grid draws an item from it, stories
cite it as evidence and feedback names it: derived results are exercised too.
Grids rate every item, matrices score every option, likerts answer every item.
An answer whose field left the pack and an answer of a pack that is not
installed get markers as well (their privacy cannot be told).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bilan_tui.domain.answers import CUSTOM_ITEMS, POSITION, Answer, JSONValue
from bilan_tui.domain.keys import CUSTOM_ITEM_KEYS, ITEM_KEYS, RATING_KEYS, SCORE_KEYS
from bilan_tui.domain.model import Exercise, Kind, Pack
from bilan_tui.domain.parts import Field, FieldType
from bilan_tui.domain.scoring.grid import tag_item_key
from tests.unit.export_helpers import answer

TEXT_KINDS = (FieldType.TEXT, FieldType.LONGTEXT)
ANYWHERE = re.compile(r"[\s\u00a0\u202f\u2009.,']")
"""What number formatting may insert between digits (spaces, separators)."""


@dataclass
class Marked:
    """The answers of a marked workbook and the markers they hold.

    Attributes:
        answers: Every stored answer.
        private: Markers stored in private answers (never for someone else
            without an opt-in, nor in the person's copy without it).
        numbers: Numeric markers stored in private ``number`` fields.
        unknown: Markers of answers whose privacy cannot be told (left out of
            copies for someone else, kept in the person's own).
        tag: The marker every private tags field holds (in ``private`` once
            a private tags field holds it).
    """

    answers: list[Answer] = field(default_factory=list)
    private: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    tag: str = ""


def found_in(text: str, marked: Marked, markers: list[str] | None = None) -> list[str]:
    """The private markers (text and numbers) present in an export's text."""
    lowered = text.casefold()
    hits = [
        marker for marker in (marked.private if markers is None else markers) if marker in lowered
    ]
    if markers is None:
        digits = ANYWHERE.sub("", text)
        hits += [number for number in marked.numbers if number in digits]
    return hits


class _Filler:
    """Hands out markers and builds the answers of one pack."""

    def __init__(self, pack: Pack, prefix: str) -> None:
        self.pack = pack
        self.prefix = prefix
        self.marked = Marked(tag=f"zq{prefix}tagq")
        self.counter: Iterator[int] = itertools.count(1)

    def marker(self) -> str:
        found = f"zq{self.prefix}{next(self.counter):04d}q"
        self.marked.private.append(found)
        return found

    def number(self) -> int:
        value = 9_753_100 + next(self.counter)
        self.marked.numbers.append(str(value))
        return value

    def value(self, field_: Field, secret: bool, pick_private: bool) -> JSONValue:
        kind = field_.type
        if kind in TEXT_KINDS:
            return self.marker() if secret else f"public {field_.id}"
        if kind is FieldType.TAGS:
            if not secret:
                return [f"public {field_.id}"]
            if self.marked.tag not in self.marked.private:
                self.marked.private.append(self.marked.tag)
            return [self.marked.tag]
        if kind is FieldType.NUMBER:
            return self.number() if secret else 12
        if kind is FieldType.YEAR:
            return 2001
        if kind is FieldType.DATE:
            return "2024-05-06"
        if kind is FieldType.RATING:
            return field_.max if field_.max is not None else 1
        if kind is FieldType.CHECKBOX:
            return True
        private = [choice.id for choice in field_.choices if choice.private]
        public = [choice.id for choice in field_.choices if not choice.private]
        picked = private[0] if pick_private and private else public[0] if public else None
        if picked is None:
            return None
        return picked if kind is FieldType.CHOICE else [picked]

    def add(self, exercise: Exercise, field_id: str, value: JSONValue, entry: str = "") -> None:
        if value is not None:
            pack_id = exercise.pack_id or self.pack.id
            self.marked.answers.append(answer(pack_id, exercise.id, field_id, value, entry))

    def fields(self, exercise: Exercise, entry: str = "", private_entry: bool = False) -> None:
        for field_ in exercise.fields:
            secret = field_.private or private_entry
            self.add(exercise, field_.id, self.value(field_, secret, private_entry), entry)

    def records(self, exercise: Exercise) -> None:
        has_private_choice = any(c.private for f in exercise.fields for c in f.choices)
        entries = ["public", "private"] if has_private_choice else ["public"]
        for position, name in enumerate(entries):
            entry = f"{exercise.id}-{name}"
            self.add(exercise, POSITION, position, entry)
            self.fields(exercise, entry, private_entry=name == "private")

    def derived(self, exercise: Exercise) -> None:
        """Ratings of every grid item and scores of every matrix option."""
        if exercise.kind is Kind.LIKERT and exercise.scale is not None:
            for item in exercise.items:
                self.add(exercise, ITEM_KEYS.key(item.id), exercise.scale.max)
        if exercise.kind is Kind.GRID:
            self.add(exercise, CUSTOM_ITEMS, ["public own skill"])
            for item in exercise.items:
                self.add(exercise, RATING_KEYS.key(item.id), [3, 3])
            self.add(exercise, RATING_KEYS.key(CUSTOM_ITEM_KEYS.key("public own skill")), [3, 3])
        source = exercise.source
        if source is None:
            return
        entries = [
            a
            for a in self.marked.answers
            if a.key.exercise_id == source.exercise and a.key.entry_id
        ]
        if exercise.kind is Kind.GRID:
            for found in entries:
                if found.key.field_id == source.field and isinstance(found.value, list):
                    for tag in found.value:
                        if isinstance(tag, str):
                            self.add(exercise, RATING_KEYS.key(tag_item_key(tag)), [3, 3])
        if exercise.kind is Kind.MATRIX:
            for entry in sorted({found.key.entry_id for found in entries}):
                for criterion in exercise.criteria:
                    self.add(exercise, SCORE_KEYS.key(criterion.id), 4, entry)


def marked_answers(pack: Pack, prefix: str) -> Marked:
    """Every exercise of ``pack`` answered, private answers holding markers.

    Args:
        pack: The pack to answer.
        prefix: A few letters naming the pack in its markers (``zq<prefix>0001q``).
    """
    filler = _Filler(pack, prefix)
    for exercise in pack.exercises:
        if exercise.kind is Kind.RECORDS:
            filler.records(exercise)
        else:
            filler.fields(exercise)
    for exercise in pack.exercises:
        filler.derived(exercise)
    first = pack.exercises[0]
    for pack_id, field_id in ((pack.id, "zz_field_gone"), ("not-installed", "anything")):
        unknown = f"zq{prefix}unknown{len(filler.marked.unknown)}q"
        filler.marked.unknown.append(unknown)
        filler.marked.answers.append(answer(pack_id, first.id, field_id, unknown))
    return filler.marked
