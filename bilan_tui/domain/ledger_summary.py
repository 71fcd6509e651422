"""The hours ledger added up: totals, weeks, warnings, and durations as people read them.

Split from :mod:`bilan_tui.domain.ledger` (which reads what the person types
and re-exports everything here), so that each half stays small. Durations are
whole minutes everywhere; hours appear only on the way out (JSON, warnings).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, TypeAlias

from .model import PHASE_IDS
from .records import LedgerEntry

SINGLE_DAY_LIMIT_MINUTES = 8 * 60
"""More accompaniment than this on one day squeezes the bilan into a day."""
NEAR_BUDGET_RATIO = Fraction(5, 6)
"""Warn from 20 h of a 24 h budget."""

Params: TypeAlias = dict[str, str | int | float | None]
"""Values a translated message may quote (warnings, input errors)."""


def format_duration(minutes: int, lang: str) -> str:
    """A duration as people write it: French ``9 h 30``, ``45 min``; English ``9h 30m``.

    Any ``lang`` starting with ``fr`` is French, anything else English. The
    result always reads back through ``parse_duration``.

    Raises:
        ValueError: ``minutes`` is negative.
    """
    if minutes < 0:
        raise ValueError(f"negative duration: {minutes}")
    hours, rest = divmod(minutes, 60)
    if lang.casefold().startswith("fr"):
        if not hours:
            return f"{rest} min"
        return f"{hours} h" if not rest else f"{hours} h {rest:02d}"
    if not hours:
        return f"{rest}m"
    return f"{hours}h" if not rest else f"{hours}h {rest}m"


@dataclass(frozen=True, slots=True)
class PhaseHours:
    """Minutes spent in one phase, beside the hours planned for it in ``modalites``."""

    phase: str
    accompagnement_minutes: int
    personnel_minutes: int
    planned_hours: float | None


@dataclass(frozen=True, slots=True)
class WeekHours:
    """One bar of the hours chart: the ISO week starting on Monday ``week_start``."""

    week_start: datetime.date
    accompagnement_minutes: int
    personnel_minutes: int


@dataclass(frozen=True, slots=True)
class LedgerWarning:
    """Something the person or consultant should know; translate by ``code``."""

    code: str
    message: str
    params: Params


@dataclass(frozen=True, slots=True)
class LedgerSummary:
    """The ledger added up for the dashboard, ``bilan hours`` and the synthesis.

    ``by_phase`` lists the three phases in legal order, then any unknown phase
    found in the entries (so no minute is hidden). ``by_week`` runs without
    gaps from the first to the last week; ``first_date`` and ``last_date``
    span all entries. Only ``accompagnement`` counts toward the budget.
    """

    budget_hours: float
    accompagnement_minutes: int
    personnel_minutes: int
    by_phase: Mapping[str, PhaseHours]
    by_week: tuple[WeekHours, ...]
    first_date: datetime.date | None
    last_date: datetime.date | None
    warnings: tuple[LedgerWarning, ...]


def _hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def _plan(value: float | None) -> float | None:
    """A usable planned figure: a form may hold anything, so drop what is not one."""
    return float(value) if value is not None and math.isfinite(value) and value >= 0 else None


@dataclass(frozen=True, slots=True)
class LedgerTotals:
    """The ledger reduced to what its summary needs, whatever its length.

    A workbook kept for years holds thousands of entries; the store adds
    them up in SQL into this (``RecordStore.ledger_totals``), so opening it
    costs about what opening a new one does. ``totals_of`` computes the
    same from entries in memory. Minutes come in pairs (accompaniment,
    personal); any kind other than ``accompagnement`` counts as personal.

    Attributes:
        by_phase: Minutes per phase. The summary lists the legal phases
            first, then the others in the order given here: that of their
            first entry (by date, then in the order they were added).
        by_week: Minutes per ISO week, keyed by its Monday; weeks without
            entries are left out.
        busy_days: Accompaniment minutes of each day over
            ``SINGLE_DAY_LIMIT_MINUTES``; other days are left out.
        first_date: The earliest entry's date, ``None`` for an empty ledger.
        last_date: The latest entry's date.
    """

    by_phase: Mapping[str, tuple[int, int]]
    by_week: Mapping[datetime.date, tuple[int, int]]
    busy_days: Mapping[datetime.date, int]
    first_date: datetime.date | None = None
    last_date: datetime.date | None = None


def week_start(day: datetime.date) -> datetime.date:
    """The Monday starting ``day``'s ISO week."""
    return day - datetime.timedelta(days=day.weekday())


def totals_of(entries: Iterable[LedgerEntry]) -> LedgerTotals:
    """Add entries up by phase, week and kind: the first step of ``summarise``.

    Unknown phases keep the order in which ``entries`` first name them.
    """
    by_phase: dict[str, tuple[int, int]] = {}
    by_week: dict[datetime.date, tuple[int, int]] = {}
    per_day: dict[datetime.date, int] = {}
    for entry in entries:
        week = week_start(entry.date)
        phase_acc, phase_own = by_phase.get(entry.phase, (0, 0))
        week_acc, week_own = by_week.get(week, (0, 0))
        if entry.kind == "accompagnement":
            by_phase[entry.phase] = (phase_acc + entry.minutes, phase_own)
            by_week[week] = (week_acc + entry.minutes, week_own)
            per_day[entry.date] = per_day.get(entry.date, 0) + entry.minutes
        else:
            by_phase[entry.phase] = (phase_acc, phase_own + entry.minutes)
            by_week[week] = (week_acc, week_own + entry.minutes)
            per_day.setdefault(entry.date, 0)
    return LedgerTotals(
        by_phase=by_phase,
        by_week=by_week,
        busy_days={
            day: total for day, total in per_day.items() if total > SINGLE_DAY_LIMIT_MINUTES
        },
        first_date=min(per_day, default=None),
        last_date=max(per_day, default=None),
    )


def summarise(
    entries: Iterable[LedgerEntry],
    planned: Mapping[str, float | None],
    budget_hours: float = 24,
) -> LedgerSummary:
    """Totals by kind, phase and week, date span and warnings.

    Args:
        entries: The whole ledger, in any order.
        planned: Planned hours per phase id; a missing phase or ``None`` means no plan.
        budget_hours: The accompaniment cap (24 h by law).
    """
    return summarise_totals(totals_of(entries), planned, budget_hours)


MAX_CHART_WEEKS = 520
"""Ten years of weeks: a bilan's ledger never spans more, gaps included."""


def summarise_totals(
    totals: LedgerTotals,
    planned: Mapping[str, float | None],
    budget_hours: float = 24,
) -> LedgerSummary:
    """The summary of a ledger already added up (by ``totals_of`` or by the store).

    Args:
        totals: The ledger's totals.
        planned: Planned hours per phase id; a missing phase or ``None`` means no plan.
        budget_hours: The accompaniment cap (24 h by law).
    """
    by_phase = dict.fromkeys(PHASE_IDS, (0, 0)) | dict(totals.by_phase)
    phases = {
        phase: PhaseHours(phase, acc, own, _plan(planned.get(phase)))
        for phase, (acc, own) in by_phase.items()
    }
    weeks: tuple[WeekHours, ...] = ()
    if totals.by_week:
        # Every week from the first to the last, those without entries included,
        # unless the span is implausible (a date typed or stored as 1900): then
        # only the weeks with hours, so the chart stays as long as the ledger.
        get = totals.by_week.get
        first, last = min(totals.by_week).toordinal(), max(totals.by_week).toordinal()
        mondays: Iterable[datetime.date] = sorted(totals.by_week)
        if (last - first) // 7 < MAX_CHART_WEEKS:
            mondays = map(datetime.date.fromordinal, range(first, last + 1, 7))
        weeks = tuple(WeekHours(week, *get(week, (0, 0))) for week in mondays)
    accompaniment = sum(p.accompagnement_minutes for p in phases.values())
    return LedgerSummary(
        budget_hours=float(budget_hours),
        accompagnement_minutes=accompaniment,
        personnel_minutes=sum(p.personnel_minutes for p in phases.values()),
        by_phase=phases,
        by_week=weeks,
        first_date=totals.first_date,
        last_date=totals.last_date,
        warnings=_warnings(accompaniment, totals.busy_days, phases, round(budget_hours * 60)),
    )


def _warnings(
    accompaniment: int,
    per_day: Mapping[datetime.date, int],
    phases: Mapping[str, PhaseHours],
    budget: int,
) -> tuple[LedgerWarning, ...]:
    """Budget first (over, else near), then overfull days by date, then phases over plan."""
    found: list[LedgerWarning] = []
    used, cap = format_duration(accompaniment, "en"), format_duration(budget, "en")
    totals: Params = {"accompagnement_hours": _hours(accompaniment), "budget_hours": _hours(budget)}
    if accompaniment > budget:
        message = f"Accompaniment totals {used}, over the {cap} maximum."
        found.append(LedgerWarning("over_budget", message, totals))
    elif accompaniment and accompaniment >= budget * NEAR_BUDGET_RATIO:
        left = format_duration(budget - accompaniment, "en")
        message = f"Accompaniment totals {used} of the {cap} maximum: {left} left."
        params = totals | {"remaining_hours": _hours(budget - accompaniment)}
        found.append(LedgerWarning("near_budget", message, params))
    for day, minutes in sorted(per_day.items()):
        if minutes > SINGLE_DAY_LIMIT_MINUTES:
            message = (
                f"{format_duration(minutes, 'en')} of accompaniment on {day}: over 8h in a day."
            )
            params = {"date": day.isoformat(), "accompagnement_hours": _hours(minutes)}
            found.append(LedgerWarning("single_day", message, params | {"limit_hours": 8.0}))
    for phase in phases.values():
        plan = phase.planned_hours
        if plan is not None and phase.accompagnement_minutes > round(plan * 60):
            acc = phase.accompagnement_minutes
            message = f"Phase {phase.phase}: {format_duration(acc, 'en')} of accompaniment, "
            message += f"over the {format_duration(round(plan * 60), 'en')} planned."
            params = {"phase": phase.phase, "accompagnement_hours": _hours(acc)}
            found.append(
                LedgerWarning("over_plan", message, params | {"planned_hours": round(plan, 2)})
            )
    return tuple(found)


def to_json(summary: LedgerSummary) -> dict[str, Any]:
    """The summary as JSON-ready data (``bilan hours --json``); hours rounded to 2 decimals."""
    return {
        "budget_hours": round(summary.budget_hours, 2),
        "accompagnement_hours": _hours(summary.accompagnement_minutes),
        "personnel_hours": _hours(summary.personnel_minutes),
        "by_phase": {
            phase.phase: {
                "accompagnement_hours": _hours(phase.accompagnement_minutes),
                "personnel_hours": _hours(phase.personnel_minutes),
                "planned_hours": None
                if phase.planned_hours is None
                else round(phase.planned_hours, 2),
            }
            for phase in summary.by_phase.values()
        },
        "by_week": [
            {
                "week_start": week.week_start.isoformat(),
                "accompagnement_hours": _hours(week.accompagnement_minutes),
                "personnel_hours": _hours(week.personnel_minutes),
            }
            for week in summary.by_week
        ],
        "first_date": summary.first_date.isoformat() if summary.first_date else None,
        "last_date": summary.last_date.isoformat() if summary.last_date else None,
        "warnings": [{"code": w.code, "message": w.message, **w.params} for w in summary.warnings],
    }
