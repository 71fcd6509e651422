"""How a backup is described to the person: when it was taken, in words, and what it holds.

Someone choosing a backup at 11 pm, their workbook just refused, must see at
a glance which copy brings their work back: "yesterday at 21 h 05: 23
answers in 4 exercises", and an empty copy must say it is empty before it
replaces anything. Used by the damaged-file offer and ``bilan restore``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from bilan_tui.i18n import _, language, ngettext

if TYPE_CHECKING:
    from bilan_tui.store.backup import Backup
    from bilan_tui.store.contents import Contents


def _weekday(day: datetime.date) -> str:
    names = (
        _("Monday"),
        _("Tuesday"),
        _("Wednesday"),
        _("Thursday"),
        _("Friday"),
        _("Saturday"),
        _("Sunday"),
    )
    return names[day.weekday()]


def _month(day: datetime.date) -> str:
    names = (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )
    return names[day.month - 1]


def date_in_words(day: datetime.date) -> str:
    """``Friday 4 December 2026`` / ``vendredi 4 décembre 2026`` (``1er`` in French)."""
    number = "1er" if day.day == 1 and language() == "fr" else str(day.day)
    return _("{weekday} {day} {month} {year}").format(
        weekday=_weekday(day), day=number, month=_month(day), year=day.year
    )


def clock_time(moment: datetime.datetime, *, seconds: bool = False) -> str:
    """``16:40`` / ``16 h 40``; with ``seconds``, ``16:40:07`` / ``16 h 40 min 07 s``."""
    if seconds:
        return _("{hours}:{minutes}:{seconds}").format(
            hours=moment.hour, minutes=f"{moment.minute:02d}", seconds=f"{moment.second:02d}"
        )
    return _("{hours}:{minutes}").format(hours=moment.hour, minutes=f"{moment.minute:02d}")


def when_in_words(
    moment: datetime.datetime, now: datetime.datetime | None = None, *, seconds: bool = False
) -> str:
    """``today at 16:40``, ``yesterday at 9:05`` or ``Tuesday 1 December 2026 at 9:05``.

    Args:
        moment: The local time to describe.
        now: The local time it is (tests).
        seconds: Add the seconds (two backups taken in the same minute).
    """
    today = (now or datetime.datetime.now()).date()
    time = clock_time(moment, seconds=seconds)
    if moment.date() == today:
        return _("today at {time}").format(time=time)
    if moment.date() == today - datetime.timedelta(days=1):
        return _("yesterday at {time}").format(time=time)
    return _("{date} at {time}").format(date=date_in_words(moment.date()), time=time)


def contents_in_words(contents: Contents) -> str:
    """``23 answers in 4 exercises, 6 lines of hours``; ``empty: no answers`` when it is."""
    if contents.empty:
        return _("EMPTY: no answers, no hours")
    parts: list[str] = []
    if contents.answers:
        answers = ngettext("{count} answer", "{count} answers", contents.answers).format(
            count=contents.answers
        )
        exercises = ngettext(
            "in {count} exercise", "in {count} exercises", contents.exercises
        ).format(count=contents.exercises)
        parts.append(f"{answers} {exercises}")
    else:
        parts.append(_("no answers"))
    if contents.hours:
        parts.append(
            ngettext("{count} line of hours", "{count} lines of hours", contents.hours).format(
                count=contents.hours
            )
        )
    if contents.homework:
        parts.append(
            ngettext(
                "{count} homework assignment", "{count} homework assignments", contents.homework
            ).format(count=contents.homework)
        )
    return ", ".join(parts)


def backup_in_words(
    backup: Backup, now: datetime.datetime | None = None, *, seconds: bool = False
) -> str:
    """One backup on one line: when, then what it holds."""
    return _("{when}: {contents}").format(
        when=when_in_words(backup.taken, now, seconds=seconds),
        contents=contents_in_words(backup.contents),
    )


def backups_in_words(backups: list[Backup], now: datetime.datetime | None = None) -> list[str]:
    """One line per backup; the seconds are said where two were taken in the same minute."""
    minutes = [when_in_words(backup.taken, now) for backup in backups]
    return [
        backup_in_words(backup, now, seconds=minutes.count(minute) > 1)
        for backup, minute in zip(backups, minutes, strict=True)
    ]


def empty_warning() -> str:
    """Said under a list that holds an empty backup, and before restoring one."""
    return _("An EMPTY backup holds none of your work: restoring it brings back a blank workbook.")


def cleared_answers_note(most_kept: int) -> str:
    """Why a cleared answer may come back (``bilan restore``) or must be wiped with the rest."""
    return _(
        "The automatic backups (up to {count}) keep your answers as they were when each was "
        "taken, including answers you have cleared since."
    ).format(count=most_kept)
