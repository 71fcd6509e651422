"""Keeping typed answers safe: in memory at once, on disk within a second.

The :class:`Autosaver` collects changed keys and writes them in one
transaction. It is flushed by a one-second timer started at the first unsaved
change (not restarted by later keys, so steady typing still reaches the disk
every second), and immediately when a field or screen is left and on quit.
A failed write (full disk, read-only folder) keeps everything pending and is
retried at the next flush.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bilan_tui.domain.answers import Answer, ExerciseAnswers

SaveFunction = Callable[[Iterable[Answer]], None]


class Autosaver:
    """Pending changes of one exercise and the function that persists them."""

    def __init__(self, answers: ExerciseAnswers, save: SaveFunction) -> None:
        self.answers = answers
        self._save = save
        self._pending: set[tuple[str, str]] = set()
        self.last_error: Exception | None = None

    @property
    def pending(self) -> bool:
        """Whether some change is not on disk yet."""
        return bool(self._pending)

    def mark(self, field_id: str, entry_id: str = "") -> None:
        """Remember that a value changed in memory."""
        self._pending.add((field_id, entry_id))

    def flush(self) -> bool:
        """Write every pending change; returns True when nothing is left pending."""
        if not self._pending:
            return True
        keys = sorted(self._pending)
        batch = [
            Answer(self.answers.key(field_id, entry_id), self.answers.get(field_id, entry_id))
            for field_id, entry_id in keys
        ]
        try:
            self._save(batch)
        except Exception as error:  # noqa: BLE001 - any failure keeps the text in memory
            self.last_error = error
            return False
        self._pending.difference_update(keys)
        self.last_error = None
        return True
