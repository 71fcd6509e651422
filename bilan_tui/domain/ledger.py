"""The hours ledger: reading what the person types for it.

The law caps a bilan at 24 hours of accompaniment (L6313-4); personal work is
counted apart. Input errors carry a stable ``code`` and ``params`` so the CLI
and the interface can translate them, and an English one-line message for logs.
Durations are whole minutes everywhere; hours appear only on the way out.

Adding the ledger up (totals, weeks, warnings, JSON) and formatting durations
live in :mod:`bilan_tui.domain.ledger_summary`; every name there is
re-exported here, so callers import from one place.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from fractions import Fraction

from .dates import DateInputError, read_date
from .ledger_summary import (
    NEAR_BUDGET_RATIO,
    SINGLE_DAY_LIMIT_MINUTES,
    LedgerSummary,
    LedgerTotals,
    LedgerWarning,
    Params,
    PhaseHours,
    WeekHours,
    format_duration,
    summarise,
    summarise_totals,
    to_json,
    totals_of,
    week_start,
)
from .model import PHASE_IDS
from .records import LedgerEntry

__all__ = [
    "KINDS",
    "MAX_ENTRY_MINUTES",
    "NEAR_BUDGET_RATIO",
    "SINGLE_DAY_LIMIT_MINUTES",
    "SOURCES",
    "LedgerInputError",
    "LedgerSummary",
    "LedgerTotals",
    "LedgerWarning",
    "Params",
    "PhaseHours",
    "WeekHours",
    "check_choice",
    "check_not_future",
    "format_duration",
    "parse_date",
    "parse_duration",
    "summarise",
    "summarise_totals",
    "to_json",
    "totals_of",
    "validate_entry",
    "week_start",
]

KINDS: tuple[str, ...] = ("accompagnement", "personnel")
SOURCES: tuple[str, ...] = ("manual", "auto")
MAX_ENTRY_MINUTES = 24 * 60
"""One entry covers one day at most."""

_HOURS = r"(?:h|hr|hrs|hours?|heures?)"
_MINUTES = r"(?:m|mn|mins?|minutes?)"
_HOURS_FORM = re.compile(
    rf"(?P<h>[0-9]+(?:[.,][0-9]+)?)\s*{_HOURS}(?:\s*(?P<m>[0-9]+)\s*(?:{_MINUTES})?)?"
)
_CLOCK_FORM = re.compile(r"(?P<h>[0-9]+)\s*:\s*(?P<m>[0-9]{2})")
_MINUTES_FORM = re.compile(rf"(?P<m>[0-9]+)\s*(?:{_MINUTES})?")
_MAX_INPUT = 40
"""Longer input is garbage; also keeps ``int()`` far from its digit limit."""


class LedgerInputError(ValueError):
    """Something typed for the ledger cannot be recorded.

    Attributes:
        code: Stable id of the problem (``duration.zero``...), for translation.
        params: Values the translated message may quote.
    """

    def __init__(self, message: str, *, code: str, params: Params | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params: Params = params or {}


def _excerpt(text: str) -> str:
    """The input as it may be quoted in a one-line message: printable and short."""
    clean = "".join(ch for ch in text if ch.isprintable()).strip()
    return clean if len(clean) <= 20 else clean[:19] + "…"


def _hours_minutes(hours: str, minutes: str | None) -> int | None:
    """Minutes for ``H[.d] h [MM]``, or ``None`` when the minutes make no sense."""
    if minutes is None:
        exact = Fraction(hours.replace(",", ".")) * 60
        return math.floor(exact + Fraction(1, 2))
    if not hours.isdigit() or int(minutes) >= 60:
        return None
    return int(hours) * 60 + int(minutes)


def _match_minutes(text: str) -> int | None:
    """Minutes for a non-negative duration in any accepted form, else ``None``."""
    if match := _HOURS_FORM.fullmatch(text):
        return _hours_minutes(match["h"], match["m"])
    if match := _CLOCK_FORM.fullmatch(text):
        return _hours_minutes(match["h"], match["m"])
    if match := _MINUTES_FORM.fullmatch(text):
        return int(match["m"])
    return None


def parse_duration(text: str) -> int:
    """Whole minutes from what a person types: ``1h30``, ``1,5h``, ``90``, ``1:30``...

    A bare number means minutes. Decimal hours round to the nearest minute.

    Raises:
        LedgerInputError: empty, unreadable, zero, negative or over 24 h.
    """
    cleaned = text.strip().casefold()
    params: Params = {"text": _excerpt(text)}
    if not cleaned:
        raise LedgerInputError("Enter a duration, such as 1h30.", code="duration.empty")
    negative = cleaned[0] in "-−"
    body = cleaned[1:].strip() if negative else cleaned
    minutes = _match_minutes(body) if len(body) <= _MAX_INPUT else None
    if minutes is None:
        raise LedgerInputError(
            f"Cannot read the duration '{params['text']}': write it like 1h30, 90m or 1:30.",
            code="duration.invalid",
            params=params,
        )
    if negative and minutes:
        raise LedgerInputError("A duration cannot be negative.", code="duration.negative")
    if minutes == 0:
        raise LedgerInputError("A duration must be longer than zero.", code="duration.zero")
    if minutes > MAX_ENTRY_MINUTES:
        raise LedgerInputError(
            f"{format_duration(minutes, 'en')} is more than 24 h: split it into one entry a day.",
            code="duration.too_long",
            params={"minutes": minutes, "max_minutes": MAX_ENTRY_MINUTES, "text": params["text"]},
        )
    return minutes


def parse_date(text: str, today: datetime.date) -> datetime.date:
    """The day of an entry, as :func:`bilan_tui.domain.dates.read_date` reads it; not in the future.

    Raises:
        LedgerInputError: empty, another format, an impossible or implausible day,
            or after ``today``.
    """
    params: Params = {"text": _excerpt(text)}
    try:
        day = read_date(text)
    except DateInputError as error:
        raise LedgerInputError(
            f"Cannot read the date '{params['text']}' ({error.code}).",
            code=error.code,
            params=params,
        ) from None
    return check_not_future(day, today)


def check_not_future(day: datetime.date, today: datetime.date) -> datetime.date:
    """``day`` itself, unless it is after ``today``: hours are logged once spent.

    Raises:
        LedgerInputError: with code ``date.future``.
    """
    if day > today:
        raise LedgerInputError(
            f"The date {day.isoformat()} is in the future.",
            code="date.future",
            params={"date": day.isoformat(), "today": today.isoformat()},
        )
    return day


def check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    """``value`` if it is one of ``allowed``; ``what`` names it (``phase``, ``kind``).

    Raises:
        LedgerInputError: with code ``entry.<what>``.
    """
    folded = _plain_id(value)
    if folded in allowed:
        return folded
    if value not in allowed:
        raise LedgerInputError(
            f"Unknown {what} '{_excerpt(value)}': use one of {', '.join(allowed)}.",
            code=f"entry.{what}",
            params={what: _excerpt(value), "allowed": ", ".join(allowed)},
        )
    return value


def _plain_id(value: str) -> str:
    """``Préliminaire`` → ``preliminaire``: ids are typed with accents and capitals too."""
    decomposed = unicodedata.normalize("NFKD", value.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def validate_entry(
    *,
    day: datetime.date | str,
    duration: int | str,
    phase: str,
    kind: str,
    today: datetime.date,
    note: str = "",
    source: str = "manual",
    exercise_id: str | None = None,
    entry_id: int | None = None,
) -> LedgerEntry:
    """A checked ledger entry from typed text (CLI, form) or already parsed values.

    Raises:
        LedgerInputError: the first problem found, in argument order.
    """
    when = parse_date(day, today) if isinstance(day, str) else check_not_future(day, today)
    minutes = parse_duration(str(duration))
    return LedgerEntry(
        date=when,
        minutes=minutes,
        phase=check_choice(phase, PHASE_IDS, "phase"),
        kind=check_choice(kind, KINDS, "kind"),
        note=note.strip(),
        source=check_choice(source, SOURCES, "source"),
        exercise_id=exercise_id,
        id=entry_id,
    )
