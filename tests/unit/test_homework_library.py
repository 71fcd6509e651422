"""The library: installed packs beside the shipped one, with colliding ids kept apart."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.model import ExerciseStatus, Pack
from bilan_tui.packs import load_pack
from bilan_tui.packs.library import home_pack, merge_library
from bilan_tui.services.session import WorkbookSession

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "mini"


def twin_library() -> tuple[Pack, Pack]:
    """The mini pack as home, and a copy of it under another id installed: every id collides."""
    home = load_pack(MINI)
    twin = dataclasses.replace(
        home,
        id="twin",
        title="Twin [b]pack[/b]",
        phases=tuple(
            dataclasses.replace(
                phase,
                exercises=tuple(
                    dataclasses.replace(exercise, pack_id="twin") for exercise in phase.exercises
                ),
            )
            for phase in home.phases
        ),
    )
    return home, twin


def test_installed_exercises_follow_the_shipped_ones_in_each_phase() -> None:
    home, twin = twin_library()
    library = merge_library(home, [twin])
    investigation = library.phase("investigation")
    assert investigation is not None
    refs = [exercise.ref for exercise in investigation.exercises]
    assert refs[:6] == ["stories", "interests", "values", "skills", "leads", "compare"]
    assert refs[6:] == [f"twin:{name}" for name in refs[:6]]
    assert library.exercise("values") is not library.exercise("twin:values")
    assert library.find("twin", "values") is library.exercise("twin:values")
    assert library.pack_title("twin") == "Twin [b]pack[/b]"
    skills = library.exercise("twin:skills")
    assert skills is not None and skills.source is not None
    assert skills.source.exercise == "twin:stories", "a source stays inside its own pack"
    assert home_pack(library).exercises == home.exercises


def test_statuses_answers_and_sources_use_each_exercises_own_pack(tmp_path: Path) -> None:
    home, twin = twin_library()
    library = merge_library(home, [twin])
    session = WorkbookSession.open(tmp_path / "wb.sqlite", library, language="en", create=True)
    try:
        twin_stories = library.exercise("twin:stories")
        assert twin_stories is not None
        session.save_answers(
            [Answer(AnswerKey("twin", "stories", "skills", "e1"), ["listening", "planning"])]
        )
        twin_plan = library.exercise("twin:plan")
        assert twin_plan is not None
        session.set_done(twin_plan, True)
        statuses = session.statuses()
        assert statuses["twin:stories"] is ExerciseStatus.STARTED
        assert statuses["stories"] is ExerciseStatus.TODO
        assert statuses["twin:plan"] is ExerciseStatus.DONE
        assert statuses["plan"] is ExerciseStatus.TODO
        assert session.dashboard_data().next_exercise == "twin:stories"
        assert [entry.id for entry in session.source_entries("twin:stories")] == ["e1"]
        assert session.source_entries("stories") == []
        report = session.status_report()
        listed = {ex.id: ex for phase in report.phases for ex in phase.exercises}
        assert listed["twin:stories"].pack == "twin"
        assert listed["twin:stories"].status is ExerciseStatus.STARTED
        assert listed["stories"].status is ExerciseStatus.TODO
    finally:
        session.close()
