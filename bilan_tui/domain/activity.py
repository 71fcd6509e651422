"""Automatic personal time: counting the minutes spent working in an exercise.

DESIGN §7: personal work counts while an exercise is open and the person has
typed or moved within the last five minutes. The rule used here, so that the
count never includes time away from the keyboard:

* every event (``open``, ``touch``, ``close``) ends a *gap* since the previous
  event of the same open exercise;
* a gap counts in full when it is at most ``idle_limit`` seconds, and not at
  all when it is longer: typing for 10 minutes, leaving for 20, then typing
  for 5 gives 15 minutes, not 35 (nor 20);
* time after the last event is not counted until the next event settles it,
  so a periodic ``flush`` never reports time that a later idle gap would
  have refused.

The tracker is pure: it reads time only from the clock it is given (monotonic
seconds), so tests drive it with a fake clock. It reports whole minutes and
keeps the seconds left over per exercise, so short visits add up instead of
being dropped and nothing is reported twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

IDLE_LIMIT_SECONDS = 300.0
"""Five minutes without a key or mouse event means the person has left."""


@dataclass(frozen=True, slots=True)
class Slice:
    """Counted minutes ready to become one ``auto`` ``personnel`` ledger entry."""

    exercise_id: str
    phase: str
    minutes: int


class ActivityTracker:
    """Counts active time in the open exercise, for automatic ledger entries.

    Typical use by the app: ``open`` when an exercise screen is shown, ``touch``
    on every key and mouse event, ``flush`` every few minutes (write an entry
    for the open exercise if it returns minutes), ``close`` when the screen is
    left or the app quits (write one entry per returned slice).
    """

    def __init__(self, clock: Callable[[], float], idle_limit: float = IDLE_LIMIT_SECONDS) -> None:
        """Start with no exercise open.

        Args:
            clock: Monotonic seconds (``time.monotonic`` in the app, a fake in tests).
            idle_limit: The longest gap between events that still counts, in seconds.
        """
        self._clock = clock
        self._idle_limit = idle_limit
        self._current: tuple[str, str] | None = None
        self._last_event = 0.0
        self._seconds = 0.0
        self._pending: dict[tuple[str, str], float] = {}

    @property
    def current(self) -> tuple[str, str] | None:
        """``(exercise_id, phase)`` of the open exercise, or ``None``."""
        return self._current

    @property
    def pending_seconds(self) -> float:
        """Counted seconds not yet reported, all exercises together."""
        return self._seconds + sum(self._pending.values())

    def open(self, exercise_id: str, phase: str) -> None:
        """Start counting in an exercise; one left open is settled first.

        The settled exercise's minutes stay pending and come out of the next
        ``close``, so switching screens never loses time.
        """
        if self._current is not None:
            self.touch()
            self._settle()
        key = (exercise_id, phase)
        self._current = key
        self._seconds = self._pending.pop(key, 0.0)
        self._last_event = self._clock()

    def touch(self) -> None:
        """Record a key or mouse event: the gap since the last event counts if short."""
        if self._current is None:
            return
        now = self._clock()
        gap = now - self._last_event
        if 0 < gap <= self._idle_limit:
            self._seconds += gap
        self._last_event = now

    def flush(self) -> int:
        """Whole minutes counted in the open exercise since the last report.

        The seconds left over stay counted for the next report. Returns 0 when
        no exercise is open or less than a minute has built up.
        """
        whole = int(self._seconds // 60)
        self._seconds -= whole * 60
        return whole

    def close(self, *, final: bool = False) -> list[Slice]:
        """Stop counting; return every exercise's unreported whole minutes.

        Closing is an event: the gap since the last touch counts if short.
        Less than a minute stays pending for the next time that exercise is
        opened. Closing with nothing open just reports what is pending.

        Args:
            final: The workbook is closing: the seconds left over in every
                exercise are added up and rounded once, to the nearest minute,
                and those minutes go to the exercises with the most seconds
                left (largest remainders). Twenty visits of fifty seconds to
                twenty exercises are 17 minutes, not nothing.
        """
        self.touch()
        self._settle()
        minutes: dict[tuple[str, str], int] = {}
        for key, seconds in self._pending.items():
            whole = int(seconds // 60)
            if whole:
                minutes[key] = whole
                self._pending[key] = seconds - whole * 60
        if final:
            rest = sorted(self._pending.items(), key=lambda item: item[1], reverse=True)
            extra = int(sum(seconds for _key, seconds in rest) / 60 + 0.5)
            for key, _seconds in rest[:extra]:
                minutes[key] = minutes.get(key, 0) + 1
            self._pending.clear()
        return [Slice(exercise, phase, count) for (exercise, phase), count in minutes.items()]

    def _settle(self) -> None:
        """Move the open exercise's seconds to the pending store and close it."""
        if self._current is None:
            return
        self._pending[self._current] = self._seconds
        self._current = None
        self._seconds = 0.0
