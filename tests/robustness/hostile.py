"""Hostile text: known payloads, generated strings, and a pack and workbook full of them.

Used by the text-safety tests. A string is "hostile" when a terminal or
Textual's markup parser could act on it: escape sequences (CSI, OSC with BEL
or ST, DCS), C0/C1 controls, bidi overrides, markup tags and actions, Rich
emoji codes, and the usual wide or combining characters around them.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
import re
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from bilan_tui.domain.answers import CUSTOM_ITEMS, Answer, AnswerKey
from bilan_tui.domain.keys import DEFINITION_KEYS, PILE_KEYS
from bilan_tui.domain.model import Exercise, Kind, Pack
from bilan_tui.domain.records import LedgerEntry

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

MARKER = "pwned"
"""Appears in every action or link a payload tries to create; must never be live."""

PAYLOADS: tuple[str, ...] = (
    "[/]",
    "[/bold]",
    "[b]bold?[/b] [i]",
    f"[@click=app.{MARKER}]click me[/]",
    f"[@click=app.quit]quit[/] [@click=screen.{MARKER}()]x",
    f"[link=https://{MARKER}.example]a link[/link]",
    f'[link="https://{MARKER}.example/?a=[b]"]x',
    "[red on blue]colour[/] [$accent]var[/]",
    "\x1b[31mred\x1b[0m \x1b[2J\x1b[H cleared?",
    f"\x1b]0;{MARKER} title\x07 OSC title",
    f"\x1b]8;;https://{MARKER}.example\x1b\\hyperlink\x1b]8;;\x1b\\",
    "\x1bP+q544e\x1b\\ DCS",
    "\x9b31m C1 CSI \x9d0;x\x9c \x85 NEL",
    "\u202egnirts desrever\u202c \u2066isolate\u2069",
    "bell\x07 backspace\x08 nul\x00 del\x7f vt\x0b ff\x0c cr\r",
    ":smile: :red_heart: :warning:",
    "[[/]] \\[b] \\\\[/]",
    "Ligne 1\nLigne 2\tTab",
    "宽字符 テキスト e\u0301 \U0001f600 \u200b zero width",
    "x" * 300,
)

_ALPHABET = (
    [chr(code) for code in range(0x00, 0x20)]
    + ["\x7f", "\x1b", "\x9b", "\x9c", "\x9d", "\x90", "\x85"]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
    + list("[]/@=:;\\()\"'$ ")
    + list("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éàçœ€")
    + ["宽", "テ", "\u0301", "\U0001f600", "\u200b", "\ufeff"]
)
_FRAGMENTS = (
    "[",
    "]",
    "[/]",
    "[b]",
    "[@click=app.quit]",
    f"[@click=app.{MARKER}]",
    f"[link=https://{MARKER}.example]",
    "\x1b[",
    "\x1b]0;",
    "\x1b]8;;",
    "\x1b\\",
    "\x07",
    "31m",
    "2J",
    ":smile:",
    "$accent",
)

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach the terminal from our text (tab and newline are laid out)."""


def generated(count: int, seed: int) -> list[str]:
    """``count`` random hostile strings, the same for the same seed."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            if rng.random() < 0.4:
                parts.append(rng.choice(_FRAGMENTS))
            else:
                parts.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 8))))
        result.append("".join(parts))
    return result


_TEXT_FIELDS = {"title", "label", "help", "text", "description", "summary", "placeholder"}


def _poison(value: Any, texts: Iterator[str]) -> Any:
    """A copy of a pack object with every display text replaced by a hostile one."""
    if isinstance(value, tuple):
        return tuple(_poison(item, texts) for item in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(value):
        current = getattr(value, field.name)
        if field.name in _TEXT_FIELDS and isinstance(current, str) and current:
            changes[field.name] = next(texts) + " " + current
        elif isinstance(current, tuple) or dataclasses.is_dataclass(current):
            changes[field.name] = _poison(current, texts)
    return dataclasses.replace(value, **changes) if changes else value


def hostile_pack(pack: Pack, strings: list[str]) -> Pack:
    """``pack`` with hostile titles, labels, items, cards and criteria (ids unchanged).

    This skips the loader's own cleaning on purpose: what is checked here is
    that the display never trusts the text it is given.
    """

    def cycle() -> Iterator[str]:
        while True:
            yield from strings

    poisoned: Pack = _poison(pack, cycle())
    return poisoned


def hostile_answers(
    pack: Pack, strings: list[str], entries: int = 3, custom: int = 2
) -> list[Answer]:
    """Answers to every kind of the mini pack, each text a hostile string.

    Args:
        pack: The pack answered.
        strings: The texts, used in order (and again from the start if short).
        entries: How many entries each records exercise gets.
        custom: How many of the person's own items the grid gets.
    """
    texts = iter(strings * (1 + 200 // max(len(strings), 1)))
    answers: list[Answer] = []

    def add(exercise: Exercise, field_id: str, value: Any, entry_id: str = "") -> None:
        key = AnswerKey(exercise.pack_id or pack.id, exercise.id, field_id, entry_id)
        answers.append(Answer(key, value))

    for exercise in pack.exercises:
        if exercise.kind is Kind.FORM:
            for field in exercise.fields:
                if field.type.value in ("text", "longtext"):
                    add(exercise, field.id, next(texts))
                elif field.type.value == "tags":
                    add(exercise, field.id, [next(texts), next(texts)])
        elif exercise.kind is Kind.RECORDS:
            for position in range(entries):
                entry = str(uuid.UUID(int=position + 1))
                add(exercise, "@position", position, entry)
                for field in exercise.fields:
                    if field.type.value in ("text", "longtext"):
                        add(exercise, field.id, next(texts), entry)
                    elif field.type.value == "tags":
                        add(exercise, field.id, [next(texts), next(texts)], entry)
        elif exercise.kind is Kind.CARDSORT:
            first_pile = exercise.piles[0].id if exercise.piles else "essential"
            for card in exercise.cards:
                add(exercise, PILE_KEYS.key(card.id), first_pile)
                add(exercise, DEFINITION_KEYS.key(card.id), next(texts))
            add(exercise, "rank", [card.id for card in exercise.cards])
        elif exercise.kind is Kind.GRID:
            add(exercise, CUSTOM_ITEMS, [next(texts) for _ in range(custom)])
    return answers


def hostile_ledger(strings: list[str]) -> list[LedgerEntry]:
    """Ledger entries whose notes are hostile."""
    day = datetime.date(2026, 3, 2)
    return [
        LedgerEntry(date=day, minutes=30 + n, phase="preliminaire", kind="personnel", note=text)
        for n, text in enumerate(strings[:3])
    ]


def hostile_text_strategy() -> SearchStrategy[str]:
    """Hostile strings as a Hypothesis strategy: fragments, controls and any character."""
    from hypothesis import strategies as st

    piece = st.one_of(st.sampled_from([*_FRAGMENTS, *_ALPHABET]), st.characters())
    return st.lists(piece, max_size=24).map("".join)
