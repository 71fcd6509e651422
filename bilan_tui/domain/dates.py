"""Dates as people write and read them: ``20/11/2026`` in, ``20 novembre 2026`` out.

A French person types a day as ``20/11/2026``; the program used to accept only
``2026-11-20``. Every place where a date is typed reads it here, and every
place that shows one to a person writes it here, so the rule is the same in
the interface, the command line and the documents. Stdlib only; the words of
the months are data, like the phrase tables.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)
"""The days a bilan can plausibly name: a birth year, a first job, a follow-up.

Anything outside is a typing mistake (``0001-01-01`` once made the hours chart
draw two thousand years of weeks)."""

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")

MONTHS: dict[str, tuple[str, ...]] = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


@dataclass(frozen=True)
class DateInputError(ValueError):
    """Why a typed date was refused; ``code`` is one of ``date.empty``,
    ``date.format``, ``date.impossible`` and ``date.range``, for the caller to translate."""

    code: str
    text: str

    def __str__(self) -> str:
        return f"{self.code}: {self.text!r}"


def read_date(text: str) -> datetime.date:
    """The day in ``text``: ``20/11/2026``, ``20.11.2026``, ``20-11-2026`` or ``2026-11-20``.

    Day first whenever the year comes last: that is how dates are written in
    France and in most of Europe; an ISO date is unambiguous.

    Raises:
        DateInputError: empty, unreadable, a day that does not exist, or a day
            outside :data:`EARLIEST`–:data:`LATEST`.
    """
    cleaned = text.strip()
    if not cleaned:
        raise DateInputError("date.empty", text)
    iso = _ISO.fullmatch(cleaned)
    day_first = _DAY_FIRST.fullmatch(cleaned)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif day_first:
        day, month, year = (int(part) for part in day_first.groups())
    else:
        raise DateInputError("date.format", cleaned)
    try:
        found = datetime.date(year, month, day)
    except ValueError:
        raise DateInputError("date.impossible", cleaned) from None
    if not EARLIEST <= found <= LATEST:
        raise DateInputError("date.range", cleaned)
    return found


def long_date(day: datetime.date, language: str) -> str:
    """``20 novembre 2026`` / ``20 November 2026``; the 1st is ``1er`` in French."""
    month = MONTHS[language][day.month - 1]
    if language == "fr":
        number = "1er" if day.day == 1 else str(day.day)
        return f"{number} {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def short_date(day: datetime.date, language: str) -> str:
    """``20/11/2026`` in French, ``20 Nov 2026`` in English: for tables and fields."""
    if language == "fr":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {MONTHS['en'][day.month - 1][:3]} {day.year}"


def input_date(day: datetime.date, language: str) -> str:
    """A day written the way the person would type it back: ``20/11/2026`` or ``2026-11-20``."""
    return day.strftime("%d/%m/%Y") if language == "fr" else day.isoformat()
