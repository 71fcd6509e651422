"""One line per record entry: what the list of entries shows.

The pack names the fields that identify an entry (``summary_fields``); their
values are shown the way the person chose them (a choice's label, not its id;
a rating out of its maximum), so the list reads like their own notes.
"""

from __future__ import annotations

from bilan_tui.domain.answers import JSONValue, is_empty
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.parts import Field, FieldType
from bilan_tui.domain.skills_gap import GapState, count_state
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _

PART_WIDTH = 40
"""Longest text taken from one field, so one long story cannot fill the line."""

SEPARATOR = " · "


def shorten(text: str, width: int = PART_WIDTH) -> str:
    """The first line of ``text``, whitespace collapsed, cut with an ellipsis."""
    lines = [line for line in clean_text(text).splitlines() if line.strip()]
    first = " ".join(lines[0].split()) if lines else ""
    if len(first) > width:
        return first[: width - 1].rstrip() + "…"
    return first


def value_text(field: Field, value: JSONValue) -> str:
    """How one stored value reads in a summary ("" when there is nothing to show)."""
    if is_empty(value) or value is False:
        return ""
    kind = field.type
    if kind is FieldType.CHOICE and isinstance(value, str):
        return shorten(field.choice_label(value))
    if isinstance(value, list):
        if kind is FieldType.MULTICHOICE:
            return shorten(", ".join(field.choice_label(str(item)) for item in value))
        return shorten(", ".join(str(item) for item in value))
    if kind is FieldType.RATING and isinstance(value, int):
        top = field.max if field.max is not None else 5
        low = field.min if field.min is not None else 1
        if low < 0:  # "-3/5" read as a fraction: say where the scale runs
            return _("{value} (from {low} to {high})").format(
                value=signed(value), low=signed(low), high=signed(top)
            )
        return f"{value}/{top}"
    if kind is FieldType.CHECKBOX:
        return "✓ " + shorten(field.label, PART_WIDTH - 2)
    return shorten(str(value))


def signed(number: int) -> str:
    """A point of a scale that runs through zero: "+3", "0", "−3" (a real minus sign)."""
    if number > 0:
        return f"+{number}"
    return f"−{-number}" if number < 0 else "0"


def summary_fields(exercise: Exercise) -> list[Field]:
    """The fields that name an entry: the pack's choice, else the first field."""
    chosen = [f for f in (exercise.field(fid) for fid in exercise.summary_fields) if f]
    if chosen:
        return chosen
    return list(exercise.fields[:1])


def entry_summary(exercise: Exercise, values: dict[str, JSONValue]) -> str:
    """The entry's line in the list, or "(empty)" when nothing is written yet.

    When the naming fields are blank but another one is filled, that one
    stands in: an entry with text in it never reads as "(empty)".
    """
    parts = [value_text(field, values.get(field.id)) for field in summary_fields(exercise)]
    to_acquire = count_state(values, GapState.ACQUIRE)
    if to_acquire and any(parts):  # a lead's skills gap (domain/skills_gap.py)
        parts.append(_("{count} to acquire").format(count=to_acquire))
    text = SEPARATOR.join(part for part in parts if part)
    if text:
        return text
    for field in exercise.fields:
        text = value_text(field, values.get(field.id))
        if text:
            return text
    return empty_label()


def empty_label() -> str:
    """What an entry with nothing to show reads as."""
    return _("(empty)")
