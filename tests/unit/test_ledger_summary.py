"""Adding up the hours ledger: totals, phases, weeks, dates and warnings."""

from __future__ import annotations

import datetime
import json

from bilan_tui.domain.ledger import LedgerWarning, summarise, to_json
from bilan_tui.domain.records import LedgerEntry

PLAN: dict[str, float | None] = {"preliminaire": 2, "investigation": 14, "conclusions": None}


def entry(day: str, minutes: int, phase: str, kind: str = "accompagnement") -> LedgerEntry:
    return LedgerEntry(datetime.date.fromisoformat(day), minutes, phase, kind)


SAMPLE = [
    entry("2026-03-09", 90, "investigation"),  # Monday
    entry("2026-03-02", 120, "preliminaire"),  # Monday, listed out of order on purpose
    entry("2026-03-04", 45, "preliminaire", "personnel"),
    LedgerEntry(datetime.date(2026, 3, 15), 30, "investigation", "personnel", source="auto"),
    entry("2026-03-23", 60, "investigation"),
]


def codes(warnings: tuple[LedgerWarning, ...]) -> list[str]:
    return [warning.code for warning in warnings]


def test_totals_by_kind_and_phase() -> None:
    summary = summarise(SAMPLE, PLAN)
    assert summary.accompagnement_minutes == 120 + 90 + 60
    assert summary.personnel_minutes == 45 + 30
    assert list(summary.by_phase) == ["preliminaire", "investigation", "conclusions"]
    prelim = summary.by_phase["preliminaire"]
    assert (prelim.accompagnement_minutes, prelim.personnel_minutes) == (120, 45)
    inv = summary.by_phase["investigation"]
    assert (inv.accompagnement_minutes, inv.personnel_minutes) == (150, 30)
    assert summary.by_phase["conclusions"].accompagnement_minutes == 0
    assert [p.planned_hours for p in summary.by_phase.values()] == [2.0, 14.0, None]
    assert summary.warnings == ()


def test_weeks_start_on_monday_and_leave_no_gap() -> None:
    weeks = summarise(SAMPLE, PLAN).by_week
    assert [
        (w.week_start.isoformat(), w.accompagnement_minutes, w.personnel_minutes) for w in weeks
    ] == [
        ("2026-03-02", 120, 45),
        ("2026-03-09", 90, 30),  # Sunday the 15th belongs to the week of the 9th
        ("2026-03-16", 0, 0),
        ("2026-03-23", 60, 0),
    ]


def test_dates_span_all_entries() -> None:
    summary = summarise(SAMPLE, PLAN)
    assert summary.first_date == datetime.date(2026, 3, 2)
    assert summary.last_date == datetime.date(2026, 3, 23)


def test_empty_ledger() -> None:
    summary = summarise([], {})
    assert (summary.accompagnement_minutes, summary.personnel_minutes) == (0, 0)
    assert summary.by_week == ()
    assert summary.first_date is None and summary.last_date is None
    assert summary.warnings == ()
    assert [p.planned_hours for p in summary.by_phase.values()] == [None, None, None]


def test_unknown_phase_is_counted_not_hidden() -> None:
    summary = summarise([entry("2026-03-02", 60, "ancienne-phase")], PLAN)
    assert summary.accompagnement_minutes == 60
    assert list(summary.by_phase)[-1] == "ancienne-phase"


def test_to_json_shape_and_rounding() -> None:
    data = to_json(summarise([*SAMPLE, entry("2026-03-24", 20, "conclusions", "personnel")], PLAN))
    json.dumps(data)  # serialisable as is
    assert data["budget_hours"] == 24.0
    assert data["accompagnement_hours"] == 4.5
    assert data["personnel_hours"] == 1.58  # 95 minutes
    assert data["by_phase"] == {
        "preliminaire": {
            "accompagnement_hours": 2.0,
            "personnel_hours": 0.75,
            "planned_hours": 2.0,
        },
        "investigation": {
            "accompagnement_hours": 2.5,
            "personnel_hours": 0.5,
            "planned_hours": 14.0,
        },
        "conclusions": {
            "accompagnement_hours": 0.0,
            "personnel_hours": 0.33,
            "planned_hours": None,
        },
    }
    assert data["by_week"][-1] == {
        "week_start": "2026-03-23",
        "accompagnement_hours": 1.0,
        "personnel_hours": 0.33,
    }
    assert (data["first_date"], data["last_date"]) == ("2026-03-02", "2026-03-24")
    assert data["warnings"] == []


def spread(total_minutes: int, per_day: int = 300) -> list[LedgerEntry]:
    """Accompaniment over successive days, never more than ``per_day`` on one."""
    entries = []
    day = datetime.date(2026, 1, 5)
    while total_minutes > 0:
        chunk = min(per_day, total_minutes)
        entries.append(LedgerEntry(day, chunk, "investigation", "accompagnement"))
        total_minutes -= chunk
        day += datetime.timedelta(days=1)
    return entries


def test_over_budget() -> None:
    summary = summarise(spread(25 * 60), {})
    assert codes(summary.warnings) == ["over_budget"]
    warning = to_json(summary)["warnings"][0]
    assert warning["accompagnement_hours"] == 25.0
    assert warning["budget_hours"] == 24.0
    assert "25h" in warning["message"] and "24h" in warning["message"]


def test_exactly_the_budget_is_near_not_over() -> None:
    summary = summarise(spread(24 * 60), {})
    assert codes(summary.warnings) == ["near_budget"]
    assert summary.warnings[0].params["remaining_hours"] == 0.0


def test_near_budget_starts_at_twenty_hours() -> None:
    assert codes(summarise(spread(20 * 60 - 1), {}).warnings) == []
    summary = summarise(spread(20 * 60 + 30), {})
    assert codes(summary.warnings) == ["near_budget"]
    assert summary.warnings[0].params["remaining_hours"] == 3.5


def test_budget_is_a_parameter() -> None:
    assert codes(summarise(spread(13 * 60), {}, budget_hours=12).warnings) == ["over_budget"]
    assert codes(summarise(spread(13 * 60), {}, budget_hours=30).warnings) == []


def test_single_day_over_eight_hours_of_accompaniment() -> None:
    entries = [
        entry("2026-03-02", 300, "preliminaire"),
        entry("2026-03-02", 210, "investigation"),  # 8 h 30 that day
        entry("2026-03-03", 480, "investigation"),  # exactly 8 h: fine
        entry("2026-03-04", 600, "investigation", "personnel"),  # personal work: fine
    ]
    summary = summarise(entries, {})
    assert codes(summary.warnings) == ["single_day"]
    assert summary.warnings[0].params == {
        "date": "2026-03-02",
        "accompagnement_hours": 8.5,
        "limit_hours": 8.0,
    }
    assert "2026-03-02" in summary.warnings[0].message


def test_over_plan_per_phase() -> None:
    entries = [
        entry("2026-03-02", 181, "investigation"),
        entry("2026-03-03", 200, "preliminaire", "personnel"),  # personal work is not planned
        entry("2026-03-04", 90, "conclusions"),  # exactly on plan
    ]
    plan = {"preliminaire": 1, "investigation": 3, "conclusions": 1.5}
    summary = summarise(entries, plan)
    assert codes(summary.warnings) == ["over_plan"]
    assert summary.warnings[0].params == {
        "phase": "investigation",
        "accompagnement_hours": 3.02,
        "planned_hours": 3.0,
    }


def test_no_plan_means_no_over_plan_warning() -> None:
    entries = [entry("2026-03-02", 240, "investigation")]
    for plan in (
        {},
        {"investigation": None},
        {"investigation": float("nan")},
        {"investigation": -1},
    ):
        assert summarise(entries, plan).warnings == ()


def test_warnings_come_in_a_stable_order() -> None:
    entries = [
        *spread(22 * 60),
        entry("2026-03-02", 540, "conclusions"),
        entry("2026-03-09", 500, "preliminaire"),
    ]
    summary = summarise(entries, {"preliminaire": 2, "conclusions": 4})
    assert codes(summary.warnings) == [
        "over_budget",
        "single_day",
        "single_day",
        "over_plan",
        "over_plan",
    ]
    assert [w.params.get("date") for w in summary.warnings[1:3]] == ["2026-03-02", "2026-03-09"]
    assert [w.params.get("phase") for w in summary.warnings[3:]] == ["preliminaire", "conclusions"]
    for warning in to_json(summary)["warnings"]:
        assert warning["message"] and "\n" not in warning["message"]
