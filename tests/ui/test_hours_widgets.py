"""What the dashboard's hours panel and the weekly chart draw, line by line."""

from __future__ import annotations

import datetime

import pytest

from bilan_tui.domain.ledger import summarise
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.ui.widgets.hours_bars import FULL, bar_cells
from bilan_tui.ui.widgets.hours_chart import WeeklyChart
from bilan_tui.ui.widgets.hours_panel import HoursPanel

MONDAY = datetime.date(2026, 3, 2)


def entry(days: int, minutes: int, phase: str, kind: str = "accompagnement") -> LedgerEntry:
    return LedgerEntry(MONDAY + datetime.timedelta(days=days), minutes, phase, kind)


@pytest.mark.parametrize(
    ("value", "total", "width", "expected"),
    [
        (0, 10, 8, ""),
        (10, 10, 8, FULL * 8),
        (20, 10, 8, FULL * 8),
        (5, 10, 8, FULL * 4),
        (1, 1000, 8, "▏"),
        (3, 16, 8, "█▌"),
        (5, 0, 8, ""),
    ],
)
def test_bars_fill_in_eighths_and_never_hide_a_small_amount(
    value: float, total: float, width: int, expected: str
) -> None:
    assert bar_cells(value, total, width) == expected


def test_panel_shows_budget_plan_personal_work_dates_and_warnings() -> None:
    ledger = [
        entry(0, 9 * 60, "preliminaire"),
        entry(2, 3 * 60, "investigation"),
        entry(3, 80, "investigation", "personnel"),
    ]
    summary = summarise(ledger, {"preliminaire": 4, "investigation": 14, "conclusions": None})
    lines = [line.plain for line in HoursPanel().lines(summary, 60)]
    assert lines[0].startswith("Accompaniment ") and lines[0].endswith("12h / 24h")
    assert FULL * 10 in lines[0], "12 of 24 hours fills half of the bar"
    assert lines[1].startswith("Preliminary ") and lines[1].endswith("9h / 4h")
    assert lines[2].endswith("3h / 14h")
    assert lines[3].startswith("Conclusions ") and lines[3].endswith("0m")
    assert lines[4] == "Personal work 1h 20m"
    assert lines[5] == "From 2 Mar 2026 to 5 Mar 2026"
    assert lines[6:] == [
        "⚠ 9h of accompaniment on 2 March 2026: more than 8h in one day.",
        "⚠ Preliminary: 9h of accompaniment, over the 4h planned.",
    ]
    assert all(len(line) <= 60 for line in lines[:5])


def test_panel_of_an_empty_ledger_says_how_to_log_hours() -> None:
    lines = [line.plain for line in HoursPanel().lines(summarise([], {}), 36)]
    assert lines[0].endswith("0m / 24h")
    assert "press h" in lines[-1]


def test_panel_drops_bars_when_too_narrow() -> None:
    lines = [
        line.plain for line in HoursPanel().lines(summarise([entry(0, 60, "preliminaire")], {}), 20)
    ]
    assert lines[0] == "Accompaniment 1h / 24h"


def test_chart_has_two_bars_a_week_on_one_scale_and_keeps_empty_weeks() -> None:
    ledger = [
        entry(0, 120, "preliminaire"),
        entry(1, 60, "preliminaire", "personnel"),
        entry(14, 30, "investigation", "personnel"),
    ]
    chart = WeeklyChart()
    chart.weeks = summarise(ledger, {}).by_week
    lines = [line.plain for line in chart.lines(40)]
    assert len(lines) == 6
    assert lines[0].startswith("2 Mar 2026  " + FULL * 23) and lines[0].endswith(" 2h")
    assert lines[1].startswith(" " * 12 + FULL * 12) and lines[1].rstrip().endswith("1h")
    assert lines[2].strip() == "9 Mar 2026" and lines[3].strip() == ""
    assert lines[4].startswith("16 Mar 2026 "), "labels line up on the longest"
    assert lines[5].strip().startswith(FULL * 6) and lines[5].rstrip().endswith("30m")
    assert "Accompaniment" in WeeklyChart.legend().plain
    assert "Personal work" in WeeklyChart.legend().plain


def test_chart_of_an_empty_ledger() -> None:
    assert [line.plain for line in WeeklyChart().lines(40)] == ["No hours yet."]


def test_chart_labels_weeks_as_people_write_dates_in_french() -> None:
    from bilan_tui.i18n import language, set_language

    before = language()
    set_language("fr")
    try:
        chart = WeeklyChart()
        chart.weeks = summarise([entry(0, 60, "preliminaire")], {}).by_week
        lines = [line.plain for line in chart.lines(40)]
    finally:
        set_language(before)
    assert lines[0].startswith("02/03/2026 "), lines[0]
    assert "2026-03-02" not in "".join(lines)
