"""Answers and exercise marks: the part of the workbook saved on every keystroke pause.

An autosave is one IMMEDIATE transaction holding one upsert of the changed
values, so it costs about a millisecond plus the ``fsync``. Empty values are
stored like any other (clearing a field is an edit, and the time of the edit
matters), but they do not make an exercise "started".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from sqlalchemy import Connection, Insert, delete, select, tuple_, update
from sqlalchemy.dialects.sqlite import insert

from bilan_tui.domain.answers import POSITION, Answer, AnswerKey, ExerciseAnswers, is_empty
from bilan_tui.domain.model import ExerciseStatus

from .codec import from_json, now, time_text, to_json
from .engine import Database
from .fast_reads import raw_read, statuses_of
from .rows import answer as _answer
from .tables import table


@cache
def _upsert_answer() -> Insert:
    """Insert or update one answer; an unchanged value keeps its time."""
    answer = table("answer")
    statement = insert(answer)
    return statement.on_conflict_do_update(
        index_elements=["pack_id", "exercise_id", "field_id", "entry_id"],
        set_={"value": statement.excluded.value, "updated_at": statement.excluded.updated_at},
        where=answer.c.value.is_not(statement.excluded.value),
    )


@cache
def _touch_state() -> Insert:
    """Remember when an exercise first received a non-empty answer."""
    state = table("exercise_state")
    statement = insert(state)
    return statement.on_conflict_do_update(
        index_elements=["pack_id", "exercise_id"],
        set_={"first_answer_at": statement.excluded.first_answer_at},
        where=state.c.first_answer_at.is_(None),
    )


class AnswerStore:
    """Answer and exercise-state methods of ``Workbook``."""

    _db: Database
    _known_packs: set[str]

    def _note_packs(self, connection: Connection, pack_ids: set[str]) -> None:
        """Add packs to the workbook's list of packs used, in first-use order."""
        workbook = table("workbook")
        stored = connection.execute(select(workbook.c.pack_ids)).scalar_one_or_none()
        if stored is None:
            return
        listed: list[str] = from_json(stored)
        added = sorted(pack_ids - set(listed))
        if added:
            listed.extend(added)
            connection.execute(update(workbook).values(pack_ids=to_json(listed)))

    def answers(self, pack_id: str) -> list[Answer]:
        """Every answer stored for a pack, including fields no longer in it."""
        answer = table("answer")
        query = select(answer).where(answer.c.pack_id == pack_id).order_by(answer.c.id)
        with self._db.read() as connection:
            return [_answer(row) for row in connection.execute(query)]

    def all_answers(self) -> list[Answer]:
        """Every answer of every pack (the JSON export takes everything)."""
        answer = table("answer")
        with self._db.read() as connection:
            return [
                _answer(row) for row in connection.execute(select(answer).order_by(answer.c.id))
            ]

    def exercise_answers(self, pack_id: str, exercise_id: str) -> ExerciseAnswers:
        """The answers of one exercise, ready to edit in memory."""
        answer = table("answer")
        query = select(answer).where(
            answer.c.pack_id == pack_id, answer.c.exercise_id == exercise_id
        )
        with self._db.read() as connection:
            rows = [_answer(row) for row in connection.execute(query)]
        return ExerciseAnswers.from_answers(pack_id, exercise_id, rows)

    def save_answers(self, answers: Iterable[Answer]) -> int:
        """Insert or update answers in one transaction.

        An answer's ``updated_at`` is kept if given (imports, the demo) and
        set to now otherwise. An ``ExerciseAnswers`` can be passed as is.

        Returns:
            How many answers were given.
        """
        stamp = time_text(now())
        rows: list[dict[str, str]] = []
        started: dict[tuple[str, str], str] = {}
        for item in answers:
            key = item.key
            when = time_text(item.updated_at) if item.updated_at else stamp
            rows.append(
                {
                    "pack_id": key.pack_id,
                    "exercise_id": key.exercise_id,
                    "field_id": key.field_id,
                    "entry_id": key.entry_id,
                    "value": to_json(item.value),
                    "updated_at": when,
                }
            )
            if key.field_id != POSITION and not is_empty(item.value):
                started.setdefault((key.pack_id, key.exercise_id), when)
        if not rows:
            return 0
        packs = {row["pack_id"] for row in rows}
        with self._db.write() as connection:
            connection.execute(_upsert_answer(), rows)
            if packs - self._known_packs:
                self._note_packs(connection, packs - self._known_packs)
            if started:
                connection.execute(
                    _touch_state(),
                    [
                        {"pack_id": p, "exercise_id": e, "done": False, "first_answer_at": t}
                        for (p, e), t in started.items()
                    ],
                )
        self._known_packs |= packs
        return len(rows)

    def delete_answers(self, keys: Sequence[AnswerKey]) -> int:
        """Remove answers for good; returns how many existed."""
        if not keys:
            return 0
        answer = table("answer")
        columns = tuple_(
            answer.c.pack_id, answer.c.exercise_id, answer.c.field_id, answer.c.entry_id
        )
        values = [(k.pack_id, k.exercise_id, k.field_id, k.entry_id) for k in keys]
        removed = 0
        with self._db.write() as connection:
            for start in range(0, len(values), 200):
                chunk = values[start : start + 200]
                removed += connection.execute(delete(answer).where(columns.in_(chunk))).rowcount
        return removed

    def delete_entry(self, pack_id: str, exercise_id: str, entry_id: str) -> int:
        """Remove every value of one record entry; returns how many."""
        if not entry_id:
            raise ValueError("an entry id is required; the exercise's own answers stay")
        answer = table("answer")
        statement = delete(answer).where(
            answer.c.pack_id == pack_id,
            answer.c.exercise_id == exercise_id,
            answer.c.entry_id == entry_id,
        )
        with self._db.write() as connection:
            return connection.execute(statement).rowcount

    def set_done(self, pack_id: str, exercise_id: str, done: bool = True) -> None:
        """Mark an exercise finished, or not finished any more."""
        state = table("exercise_state")
        done_at = time_text(now()) if done else None
        statement = insert(state).values(
            pack_id=pack_id, exercise_id=exercise_id, done=done, done_at=done_at
        )
        statement = statement.on_conflict_do_update(
            index_elements=["pack_id", "exercise_id"],
            set_={"done": done, "done_at": done_at},
        )
        with self._db.write() as connection:
            connection.execute(statement)

    def statuses(self, pack_id: str, exercise_ids: Iterable[str] = ()) -> dict[str, ExerciseStatus]:
        """Each exercise's status, from its non-empty answers and its done mark.

        Args:
            pack_id: The pack.
            exercise_ids: Exercises to include even without any answer
                (reported ``todo``); others appear only if answered or marked.
        """
        with raw_read(self._db) as connection:
            return statuses_of(connection, pack_id, exercise_ids)
