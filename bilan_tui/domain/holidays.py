"""French public holidays and working days, for dates that fall on a working day.

A session with a consultant, an interview, a deadline: in a real bilan these
happen on a weekday that is not a public holiday. The demo's dates are
computed from the day it is built, so without this they would land on
Sundays and on Christmas Day, which a consultant reading it would notice.
Metropolitan France's eleven public holidays (Code du travail, L3133-1);
local ones (Alsace-Moselle's Good Friday and 26 December) are not included.
"""

from __future__ import annotations

import datetime
import functools

_FIXED = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))
"""New Year, Labour Day, 8 May 1945, Bastille Day, Assumption, All Saints, Armistice, Christmas."""

_AFTER_EASTER = (1, 39, 50)
"""Easter Monday, Ascension Day, Whit Monday, in days after Easter Sunday."""


def easter(year: int) -> datetime.date:
    """Easter Sunday of ``year`` (Gregorian calendar, the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month, day = divmod(h + leap - 7 * m + 90, 25)
    day = (h + leap - 7 * m + 33 * month + 19) % 32
    return datetime.date(year, month, day)


@functools.cache
def public_holidays(year: int) -> frozenset[datetime.date]:
    """The public holidays of ``year`` in metropolitan France."""
    sunday = easter(year)
    fixed = {datetime.date(year, month, day) for month, day in _FIXED}
    moving = {sunday + datetime.timedelta(days=days) for days in _AFTER_EASTER}
    return frozenset(fixed | moving)


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday, and not a public holiday."""
    return day.weekday() < 5 and day not in public_holidays(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    """``day`` itself if it is a working day, else the first one after it."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def nearest_working_day(day: datetime.date) -> datetime.date:
    """The working day an appointment on ``day`` would move to.

    A Saturday moves back to the Friday (the week's last slot); a Sunday or a
    public holiday moves on to the next working day.
    """
    if day.weekday() == 5:
        friday = day - datetime.timedelta(days=1)
        if is_working_day(friday):
            return friday
    return next_working_day(day)
