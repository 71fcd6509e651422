"""The hours ledger in words: translated labels, input errors and warnings.

The domain gives each input error and warning a stable ``code`` and its
``params`` (hours as numbers, dates as ISO text); this module turns them into
sentences in the current language, for the command line and the interface
alike. Durations are written the way people write them in that language
(``9 h 30`` in French, ``9h 30m`` in English).
"""

from __future__ import annotations

import datetime

from bilan_tui.domain.dates import long_date
from bilan_tui.domain.ledger import LedgerInputError, LedgerSummary, LedgerWarning, Params
from bilan_tui.domain.ledger import format_duration as _format_duration
from bilan_tui.i18n import _, language


def duration_text(minutes: int) -> str:
    """A number of minutes as a person reads it in the current language."""
    return _format_duration(max(minutes, 0), language())


def hours_text(hours: float) -> str:
    """A number of hours (as in warnings and plans) as a duration."""
    return duration_text(round(hours * 60))


def date_example() -> str:
    """How to write a date, in the current language's own form."""
    return "20/11/2026" if language() == "fr" else "2026-11-20"


def date_error_text(code: str, text: str) -> str:
    """Why a typed date was refused (``DateInputError.code``), in the current language."""
    if code == "date.empty":
        return _("Enter a date, such as {example}.").format(example=date_example())
    if code == "date.impossible":
        return _("The date {text} does not exist.").format(text=text)
    if code == "date.range":
        return _("The date {text} is not plausible: check the year.").format(text=text)
    return _("Cannot read the date '{text}': write it like {example}.").format(
        text=text, example=date_example()
    )


def day_text(iso: str) -> str:
    """A stored ISO day as people write it ("20 novembre 2026"); other text as it is."""
    try:
        return long_date(datetime.date.fromisoformat(iso), language())
    except ValueError:
        return iso


def phase_label(phase: str) -> str:
    """The short name of a phase, for tables and bars."""
    names = {
        "preliminaire": _("Preliminary"),
        "investigation": _("Investigation"),
        "conclusions": _("Conclusions"),
    }
    return names.get(phase, phase)


def kind_label(kind: str) -> str:
    """``accompagnement`` or ``personnel`` in words."""
    names = {"accompagnement": _("Accompaniment"), "personnel": _("Personal work")}
    return names.get(kind, kind)


def source_label(source: str) -> str:
    """Whether an entry was typed or counted by the app."""
    names = {"manual": _("by hand"), "auto": _("automatic")}
    return names.get(source, source)


def budget_line(summary: LedgerSummary) -> str:
    """``Accompaniment 9h 30m / 24h``: the figure the law caps."""
    return _("Accompaniment {used} / {budget}").format(
        used=duration_text(summary.accompagnement_minutes),
        budget=hours_text(summary.budget_hours),
    )


def _number(params: Params, key: str) -> float:
    value = params.get(key)
    return float(value) if isinstance(value, (int, float)) else 0.0


def _text(params: Params, key: str) -> str:
    value = params.get(key)
    return "" if value is None else str(value)


def input_error_text(error: LedgerInputError) -> str:
    """One sentence saying what is wrong with what was typed, and how to write it."""
    params = error.params
    messages = {
        "duration.empty": lambda: _("Enter a duration, such as 1h30."),
        "duration.invalid": lambda: _(
            "Cannot read the duration '{text}': write it like 1h30, 90m or 1:30."
        ).format(text=_text(params, "text")),
        "duration.negative": lambda: _("A duration cannot be negative."),
        "duration.zero": lambda: _("A duration must be longer than zero."),
        "duration.too_long": lambda: _(
            "{duration} is more than 24 hours: enter one entry per day."
        ).format(duration=_typed_duration(params)),
        "date.empty": lambda: date_error_text("date.empty", _text(params, "text")),
        "date.format": lambda: date_error_text("date.format", _text(params, "text")),
        "date.impossible": lambda: date_error_text("date.impossible", _text(params, "text")),
        "date.range": lambda: date_error_text("date.range", _text(params, "text")),
        "date.future": lambda: _(
            "The date {date} is in the future: log hours once they are spent."
        ).format(date=day_text(_text(params, "date"))),
        "entry.phase": lambda: _("Unknown phase '{value}': use one of {allowed}.").format(
            value=_text(params, "phase"), allowed=_text(params, "allowed")
        ),
        "entry.kind": lambda: _("Unknown kind '{value}': use one of {allowed}.").format(
            value=_text(params, "kind"), allowed=_text(params, "allowed")
        ),
        "entry.source": lambda: _("Unknown source '{value}': use one of {allowed}.").format(
            value=_text(params, "source"), allowed=_text(params, "allowed")
        ),
    }
    message = messages.get(error.code)
    return message() if message else str(error)


def warning_text(warning: LedgerWarning) -> str:
    """One sentence for a ledger warning, in the current language."""
    params = warning.params
    used = hours_text(_number(params, "accompagnement_hours"))
    if warning.code == "over_budget":
        return _("Accompaniment totals {used}, over the {budget} maximum.").format(
            used=used, budget=hours_text(_number(params, "budget_hours"))
        )
    if warning.code == "near_budget":
        return _("Accompaniment totals {used} of the {budget} maximum: {left} left.").format(
            used=used,
            budget=hours_text(_number(params, "budget_hours")),
            left=hours_text(_number(params, "remaining_hours")),
        )
    if warning.code == "single_day":
        return _("{used} of accompaniment on {date}: more than {limit} in one day.").format(
            used=used,
            date=day_text(_text(params, "date")),
            limit=hours_text(_number(params, "limit_hours")),
        )
    if warning.code == "over_plan":
        return _("{phase}: {used} of accompaniment, over the {planned} planned.").format(
            phase=phase_label(_text(params, "phase")),
            used=used,
            planned=hours_text(_number(params, "planned_hours")),
        )
    return warning.message


def _typed_duration(params: Params) -> str:
    """The too-long duration as she typed it (``99999999999999999999h``), not recomputed.

    Reading it back from the minutes rounds a huge number (``1e20h``); the
    minutes serve only when the typed text is not known.
    """
    typed = params.get("text")
    if isinstance(typed, str) and typed:
        return typed
    return duration_text(int(_number(params, "minutes")))
