"""The cheap reads behind the dashboard must say exactly what the slow ones said.

``fast_reads`` replaced two full scans (every answer, every ledger entry) by
index probes and SQL sums so that a workbook kept for years opens as fast as
a new one (DESIGN §12). Each test compares the fast result with the plain
definition computed in Python from every row, on random workbooks.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilan_tui.domain.answers import POSITION, Answer, AnswerKey, JSONValue, is_empty
from bilan_tui.domain.ledger import (
    KINDS,
    SINGLE_DAY_LIMIT_MINUTES,
    summarise,
    summarise_totals,
    to_json,
    totals_of,
)
from bilan_tui.domain.model import PHASE_IDS, ExerciseStatus
from bilan_tui.domain.progress import exercise_status
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.store import fast_reads
from bilan_tui.store.quick_read import read_quick_view
from bilan_tui.store.repository import Workbook, open_workbook

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@contextmanager
def new_workbook() -> Iterator[Workbook]:
    """A fresh workbook for one example (Hypothesis reruns the test body)."""
    with (
        tempfile.TemporaryDirectory() as folder,
        open_workbook(Path(folder) / "wb.sqlite", language="en") as workbook,
    ):
        yield workbook


# Answers ---------------------------------------------------------------------

VALUES: list[JSONValue] = [None, "", " ", "\n\t", "x", "  y ", [], {}, [""], [[]], {"a": None}]
VALUES += [0, False, 3.5, ["a", "b"]]
FIELDS = [POSITION, "a", "z", "A", "@", "!", "0", "@positions", "note"]
"""Field ids on both sides of ``@position`` in text order, and next to it."""

answer_keys = st.tuples(
    st.sampled_from(["bilan", "autre", ""]),
    st.sampled_from(["demande", "parcours", "", "valeurs"]),
    st.sampled_from(FIELDS),
    st.sampled_from(["", "e1", "e2"]),
)


def expected_answered(answers: list[Answer]) -> set[tuple[str, str]]:
    """The definition: an exercise with a non-empty value that is not a position."""
    return {
        (answer.key.pack_id, answer.key.exercise_id)
        for answer in answers
        if answer.key.field_id != POSITION and not is_empty(answer.value)
    }


@SETTINGS
@given(
    values=st.dictionaries(answer_keys, st.sampled_from(VALUES), max_size=25),
    done=st.sets(st.tuples(st.sampled_from(["bilan", "autre"]), st.sampled_from(["demande", "x"]))),
)
def test_statuses_are_those_of_every_non_empty_answer(
    values: dict[tuple[str, str, str, str], JSONValue], done: set[tuple[str, str]]
) -> None:
    with new_workbook() as workbook:
        workbook.save_answers(Answer(AnswerKey(*key), value) for key, value in values.items())
        for pack_id, exercise_id in done:
            workbook.set_done(pack_id, exercise_id)
        answered = expected_answered(workbook.all_answers())
        for pack_id in ("bilan", "autre", ""):
            expected = {"demande": ExerciseStatus.TODO}
            for pack, exercise in answered | done:
                if pack == pack_id:
                    started, marked = (pack, exercise) in answered, (pack, exercise) in done
                    expected[exercise] = exercise_status(started, marked)
            assert workbook.statuses(pack_id, ["demande"]) == expected
        view = read_quick_view(workbook.path, "bilan", "modalites")
        assert view is not None
        assert view.answered == answered
        assert view.done == done


def test_probing_stops_at_the_first_real_answer(tmp_path: Path) -> None:
    """The cost follows the exercises, not the answers: few values are decoded."""
    with open_workbook(tmp_path / "wb.sqlite", language="en") as workbook:
        answers = [Answer(AnswerKey("bilan", "parcours", POSITION, f"e{i}"), i) for i in range(300)]
        answers += [
            Answer(AnswerKey("bilan", "parcours", "titre", f"e{i}"), "x") for i in range(300)
        ]
        answers += [Answer(AnswerKey("bilan", "vide", "titre", f"e{i}"), " ") for i in range(5)]
        workbook.save_answers(answers)
        decoded: list[str] = []

        def counting(text: str) -> JSONValue:
            decoded.append(text)
            return json.loads(text)  # type: ignore[no-any-return]

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(fast_reads, "from_json", counting)
            statuses = workbook.statuses("bilan")
    assert statuses == {"parcours": ExerciseStatus.STARTED}
    assert len(decoded) == 1 + 5  # one answer of ``parcours``; every blank of ``vide``


# Ledger ----------------------------------------------------------------------

PHASES = [*PHASE_IDS, "autre", "Zèbre", "", "aaa"]
"""The legal phases and unknown ones, sorting before and after them."""


@st.composite
def ledgers(draw: st.DrawFn) -> list[LedgerEntry]:
    """Entries over several years, several of them on the same days."""
    days = draw(
        st.lists(
            st.dates(datetime.date(2019, 1, 1), datetime.date(2031, 12, 31)),
            min_size=1,
            max_size=8,
        )
    )
    entry = st.builds(
        LedgerEntry,
        date=st.sampled_from(days),
        minutes=st.integers(0, 1000),
        phase=st.sampled_from(PHASES),
        kind=st.sampled_from(KINDS),
    )
    return draw(st.lists(entry, max_size=40))


PLANS: list[dict[str, float | None]] = [
    {},
    {"preliminaire": 2, "investigation": 14, "conclusions": None},
    {"preliminaire": 0, "investigation": 1.5, "conclusions": 4},
]


def unknown_phases(phases: Iterable[str]) -> list[str]:
    return [phase for phase in phases if phase not in PHASE_IDS]


@SETTINGS
@given(entries=ledgers(), plan=st.sampled_from(PLANS), budget=st.sampled_from([24, 10, 1.5]))
def test_ledger_totals_in_sql_are_those_of_every_entry(
    entries: list[LedgerEntry], plan: dict[str, float | None], budget: float
) -> None:
    with new_workbook() as workbook:
        with workbook.transaction():
            for entry in entries:
                workbook.add_ledger_entry(entry)
        stored = workbook.ledger()
        totals = workbook.ledger_totals()
        view = read_quick_view(workbook.path, "bilan", "modalites")
    expected = totals_of(stored)
    assert totals == expected
    assert unknown_phases(totals.by_phase) == unknown_phases(expected.by_phase)
    summary = summarise_totals(totals, plan, budget)
    reference = summarise(stored, plan, budget)
    assert summary == reference
    assert list(summary.by_phase) == list(reference.by_phase)
    assert json.dumps(to_json(summary)) == json.dumps(to_json(reference))
    assert view is not None and view.hours == totals


def test_busy_days_and_unknown_phases_in_order(tmp_path: Path) -> None:
    """A day over 8 h of accompaniment is found; unknown phases follow their first entry."""
    monday = datetime.date(2026, 3, 2)
    with open_workbook(tmp_path / "wb.sqlite", language="en") as workbook:
        for day, minutes, phase, kind in [
            (monday + datetime.timedelta(days=2), 300, "zz", "accompagnement"),
            (monday + datetime.timedelta(days=2), 200, "aa", "accompagnement"),
            (monday + datetime.timedelta(days=3), 500, "investigation", "personnel"),
            (monday + datetime.timedelta(days=9), 480, "investigation", "accompagnement"),
            (monday - datetime.timedelta(days=30), 60, "preliminaire", "accompagnement"),
        ]:
            workbook.add_ledger_entry(LedgerEntry(day, minutes, phase, kind))
        totals = workbook.ledger_totals()
        summary = summarise_totals(totals, {})
    assert totals.busy_days == {monday + datetime.timedelta(days=2): 500}
    assert list(summary.by_phase) == [*PHASE_IDS, "zz", "aa"]
    assert [warning.code for warning in summary.warnings] == ["single_day"]
    assert totals.first_date == monday - datetime.timedelta(days=30)
    assert totals.last_date == monday + datetime.timedelta(days=9)
    assert summary.by_week[-1].week_start == monday + datetime.timedelta(days=7)
    assert summary.by_week[-1].accompagnement_minutes == SINGLE_DAY_LIMIT_MINUTES


def test_an_empty_ledger_adds_up_to_nothing(tmp_path: Path) -> None:
    with open_workbook(tmp_path / "wb.sqlite", language="en") as workbook:
        totals = workbook.ledger_totals()
    assert totals == totals_of([])
    assert summarise_totals(totals, {}) == summarise([], {})


def test_sqlite_failures_become_workbook_errors(tmp_path: Path) -> None:
    """A raw read that fails says which workbook and why, like the store's other reads."""
    from bilan_tui.store.errors import WorkbookBusy, WorkbookDamaged, WorkbookIOError

    with open_workbook(tmp_path / "wb.sqlite", language="en") as workbook:
        database = workbook._db
        with pytest.raises(WorkbookDamaged) as caught, fast_reads.raw_read(database) as raw:
            raw.execute("SELECT * FROM no_such_table")  # a table gone: damage, not the disk
        assert caught.value.path == workbook.path
        assert "part of its structure is missing" in str(caught.value)
        with pytest.raises(WorkbookIOError) as full, fast_reads.raw_read(database):
            raise sqlite3.OperationalError("database or disk is full")
        assert "the disk is full" in str(full.value)
        with pytest.raises(WorkbookBusy), fast_reads.raw_read(database):
            raise sqlite3.OperationalError("database is locked")
        assert workbook.statuses("bilan") == {}  # the connection is still usable
