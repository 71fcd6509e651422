"""How values are written as text in the database, and read back.

Kept in one place so every table uses the same formats: UTC times in
ISO-8601 with microseconds (so text order is time order), ISO dates, and
compact JSON that keeps accented letters readable in the file.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

UTC = datetime.UTC


class StoredTextError(ValueError):
    """A stored value that does not parse: the file was altered by hand, or damaged.

    ``Database.read`` turns it into ``WorkbookDamaged``, which names the
    workbook and offers a backup, instead of a bare ``JSONDecodeError``.
    """


def now() -> datetime.datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.datetime.now(UTC)


def time_text(moment: datetime.datetime) -> str:
    """A time as stored; a naive time is taken as local time, like ``astimezone``."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_time(text: str) -> datetime.datetime:
    """A stored time, timezone-aware in UTC."""
    try:
        moment = datetime.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise StoredTextError("time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def optional_time(text: str | None) -> datetime.datetime | None:
    """A stored time that may be missing."""
    return None if text is None else parse_time(text)


def date_text(day: datetime.date) -> str:
    """A day as stored (``YYYY-MM-DD``)."""
    return day.isoformat()


def parse_date(text: str) -> datetime.date:
    """A stored day."""
    try:
        return datetime.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise StoredTextError("date") from None


def to_json(value: Any) -> str:
    """Compact JSON; refuses NaN and infinities, which JSON cannot hold."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def from_json(text: str) -> Any:
    """The value of a JSON column."""
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        raise StoredTextError("json") from None
