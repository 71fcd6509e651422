"""Automatic personal time, driven by a fake clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain.activity import ActivityTracker, Slice


class FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def type_for(tracker: ActivityTracker, clock: FakeClock, seconds: int, every: int = 5) -> None:
    """Key presses from now on, one every ``every`` seconds, for ``seconds`` seconds."""
    tracker.touch()
    for _ in range(seconds // every):
        clock.now += every
        tracker.touch()


def make() -> tuple[ActivityTracker, FakeClock]:
    clock = FakeClock()
    return ActivityTracker(clock, idle_limit=300), clock


def test_idle_gap_is_not_counted() -> None:
    tracker, clock = make()
    tracker.open("valeurs", "investigation")
    type_for(tracker, clock, 10 * 60)
    clock.now += 20 * 60
    type_for(tracker, clock, 5 * 60)
    assert tracker.close() == [Slice("valeurs", "investigation", 15)]


def test_a_pause_within_five_minutes_counts() -> None:
    tracker, clock = make()
    tracker.open("demande", "preliminaire")
    type_for(tracker, clock, 60)
    clock.now += 300  # reading the guidance, exactly at the limit
    tracker.touch()
    clock.now += 301  # one second too long
    tracker.touch()
    assert tracker.close() == [Slice("demande", "preliminaire", 6)]


def test_time_after_the_last_touch_counts_on_close_only_if_short() -> None:
    tracker, clock = make()
    tracker.open("projet", "conclusions")
    type_for(tracker, clock, 120)
    clock.now += 60
    assert tracker.close() == [Slice("projet", "conclusions", 3)]

    tracker.open("projet", "conclusions")
    type_for(tracker, clock, 120)
    clock.now += 3600  # left the app open overnight
    assert tracker.close() == [Slice("projet", "conclusions", 2)]


def test_nothing_counts_without_an_open_exercise() -> None:
    tracker, clock = make()
    type_for(tracker, clock, 600)
    assert tracker.current is None
    assert tracker.flush() == 0
    assert tracker.close() == []


def test_flush_reports_whole_minutes_once() -> None:
    tracker, clock = make()
    tracker.open("interets", "investigation")
    type_for(tracker, clock, 150)  # 2 min 30 s
    assert tracker.flush() == 2
    assert tracker.flush() == 0
    type_for(tracker, clock, 40)  # 30 s carried + 40 s
    assert tracker.flush() == 1
    type_for(tracker, clock, 45)  # 10 s carried + 45 s: still under a minute
    assert tracker.flush() == 0
    assert tracker.pending_seconds == 55
    assert tracker.close() == []  # under a minute stays pending, not dropped


def test_flush_never_counts_time_a_later_idle_gap_refuses() -> None:
    tracker, clock = make()
    tracker.open("interets", "investigation")
    type_for(tracker, clock, 60)
    clock.now += 240  # four minutes without a touch: maybe away, maybe reading
    assert tracker.flush() == 1
    clock.now += 600  # it was away
    tracker.touch()
    assert tracker.close() == []
    assert tracker.pending_seconds == 0


def test_short_visits_add_up() -> None:
    tracker, clock = make()
    for _ in range(4):
        tracker.open("situation", "preliminaire")
        type_for(tracker, clock, 14, every=7)
        assert tracker.close() == []
    assert tracker.pending_seconds == 56
    tracker.open("situation", "preliminaire")
    type_for(tracker, clock, 7, every=7)
    assert tracker.close() == [Slice("situation", "preliminaire", 1)]
    assert tracker.pending_seconds == 3


def test_switching_exercises_keeps_each_ones_time() -> None:
    tracker, clock = make()
    tracker.open("parcours", "investigation")
    type_for(tracker, clock, 180)
    tracker.open("realisations", "investigation")
    assert tracker.current == ("realisations", "investigation")
    type_for(tracker, clock, 120)
    assert tracker.flush() == 2  # the open exercise only
    assert tracker.close() == [Slice("parcours", "investigation", 3)]


# Gaps are whole half-seconds, exact in binary floating point: with arbitrary
# floats, a gap of exactly 300 s can become 300.0000000001 once added to the
# clock, and the boundary case would test rounding rather than the tracker.
GAPS = st.integers(min_value=0, max_value=4000).map(lambda n: n / 2)


@given(events=st.lists(st.tuples(GAPS, st.booleans()), max_size=60))
def test_reported_minutes_never_exceed_the_active_time(
    events: list[tuple[float, bool]],
) -> None:
    tracker, clock = make()
    tracker.open("valeurs", "investigation")
    active = 0.0
    reported = 0
    for gap, flush in events:
        clock.now += gap
        tracker.touch()
        active += gap if gap <= 300 else 0
        if flush:
            reported += tracker.flush()
    reported += sum(piece.minutes for piece in tracker.close())
    assert reported * 60 <= active + 1e-6
    assert reported * 60 + tracker.pending_seconds == pytest.approx(active, abs=1e-6)


def test_short_visits_to_many_exercises_are_rounded_once_at_the_end() -> None:
    """Twenty visits of 50 s, each to another exercise: 1,000 s is 17 minutes, not 0."""
    tracker, clock = make()
    for number in range(20):
        tracker.open(f"exercise-{number}", "investigation")
        type_for(tracker, clock, 50)
        assert tracker.close() == []
    slices = tracker.close(final=True)
    assert sum(piece.minutes for piece in slices) == 17
    assert all(piece.minutes == 1 for piece in slices)
    assert tracker.pending_seconds == 0
    assert tracker.close(final=True) == [], "nothing is reported twice"


def test_the_final_rounding_goes_to_the_largest_remainders() -> None:
    tracker, clock = make()
    for exercise, seconds in (("a", 100), ("b", 20), ("c", 35)):
        tracker.open(exercise, "investigation")
        type_for(tracker, clock, seconds)
    # a: 1 min + 40 s, b: 20 s, c: 35 s; 95 s left over rounds to 2 minutes.
    slices = {piece.exercise_id: piece.minutes for piece in tracker.close(final=True)}
    assert slices == {"a": 2, "c": 1}


@given(visits=st.lists(st.tuples(st.integers(0, 5), st.integers(1, 200)), max_size=40))
def test_the_total_is_the_active_time_rounded_once(visits: list[tuple[int, int]]) -> None:
    tracker, clock = make()
    active = 0
    reported = 0
    for exercise, seconds in visits:
        tracker.open(f"exercise-{exercise}", "investigation")
        type_for(tracker, clock, seconds, every=1)
        active += seconds
        reported += sum(piece.minutes for piece in tracker.close())
    reported += sum(piece.minutes for piece in tracker.close(final=True))
    assert abs(reported * 60 - active) <= 30
