"""When to remind her of the six-month follow-up interview.

The date is the one she noted in ``suivi.date_suivi``. Until a month before
it is only mentioned (``later``), so that she keeps it in mind; then the
reminder turns ``soon``, says ``today`` on the day, and stays ``past`` once
the day is over, until the follow-up interview is recorded (the
``entretien-suivi`` exercise done).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .dates import DateInputError, read_date

FOLLOW_UP_EXERCISE = "suivi"
"""The exercise where the follow-up date is noted."""
FOLLOW_UP_DATE = "date_suivi"
"""Its field holding the date."""
INTERVIEW_EXERCISE = "entretien-suivi"
"""The exercise where the follow-up interview is recorded on the day."""
SOON_DAYS = 30
"""The reminder shows this many days before the follow-up."""


@dataclass(frozen=True, slots=True)
class FollowUpReminder:
    """A follow-up to remind her of.

    Attributes:
        date: The day of the follow-up.
        days: Days from today to it: positive ahead, 0 today, negative past.
        title: The exercise where the interview is recorded, if the pack has it.
        soon_days: From how many days ahead the reminder is ``soon``.
    """

    date: datetime.date
    days: int
    title: str = ""
    soon_days: int = SOON_DAYS

    @property
    def state(self) -> str:
        """``later``, ``soon``, ``today`` or ``past``: which sentence to say."""
        if self.days > self.soon_days:
            return "later"
        if self.days > 0:
            return "soon"
        return "today" if self.days == 0 else "past"


def follow_up_date(value: object) -> datetime.date | None:
    """The stored follow-up date, or ``None`` when missing or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return read_date(value)
    except DateInputError:
        return None


def reminder(
    value: object, today: datetime.date, *, recorded: bool = False, soon_days: int = SOON_DAYS
) -> FollowUpReminder | None:
    """What to say of the follow-up ``today``, if anything.

    Args:
        value: What ``suivi.date_suivi`` holds.
        today: The local date.
        recorded: The follow-up interview is recorded: nothing to remind.
        soon_days: How many days ahead the reminder turns ``soon``.
    """
    day = follow_up_date(value)
    if day is None or recorded:
        return None
    return FollowUpReminder(day, (day - today).days, soon_days=soon_days)


def reminder_json(found: FollowUpReminder | None) -> dict[str, object] | None:
    """The reminder as ``bilan status --json`` gives it."""
    if found is None:
        return None
    return {"date": found.date.isoformat(), "days": found.days, "state": found.state}
