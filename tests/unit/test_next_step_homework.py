"""The next step proposes the homework due soonest before anything else (#20.11)."""

from __future__ import annotations

import datetime
from pathlib import Path

from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.domain.progress import next_exercise
from bilan_tui.domain.records import Homework
from bilan_tui.packs import load_pack

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "mini"


def assignment(exercises: tuple[str, ...], due: datetime.date | None) -> Homework:
    return Homework(pack_id="mini", exercises=exercises, file_hash=str(exercises), due=due)


def test_the_earliest_due_unfinished_homework_exercise_comes_first() -> None:
    pack = load_pack(MINI)
    statuses = {"about": ExerciseStatus.STARTED, "values": ExerciseStatus.DONE}
    later = assignment(("leads",), datetime.date(2026, 12, 20))
    sooner = assignment(("values", "compare"), datetime.date(2026, 12, 10))
    undated = assignment(("plan",), None)
    assert next_exercise(pack, statuses) == "about", "without homework: the started one"
    assert next_exercise(pack, statuses, [undated, later, sooner]) == "compare"
    statuses["compare"] = ExerciseStatus.DONE
    assert next_exercise(pack, statuses, [undated, later, sooner]) == "leads"
    statuses["leads"] = ExerciseStatus.DONE
    assert next_exercise(pack, statuses, [undated, later, sooner]) == "plan"
    statuses["plan"] = ExerciseStatus.DONE
    assert next_exercise(pack, statuses, [undated, later, sooner]) == "about"


def test_an_exercise_no_longer_in_the_pack_is_skipped() -> None:
    pack = load_pack(MINI)
    gone = assignment(("nowhere", "skills"), datetime.date(2026, 12, 1))
    assert next_exercise(pack, {}, [gone]) == "skills"
