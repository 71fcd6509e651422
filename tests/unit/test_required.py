"""What must be answered before an exercise can be marked as done."""

from __future__ import annotations

from bilan_tui.domain.answers import POSITION, ExerciseAnswers
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.required import MissingAnswer, missing_required
from bilan_tui.packs import load_pack
from tests.ui.helpers import MINI_PACK


def mini(exercise_id: str) -> Exercise:
    exercise = load_pack(MINI_PACK).exercise(exercise_id)
    assert exercise is not None
    return exercise


def answers(exercise_id: str, values: dict[tuple[str, str], object]) -> ExerciseAnswers:
    return ExerciseAnswers("mini", exercise_id, dict(values))  # type: ignore[arg-type]


def test_form_names_each_empty_required_field_in_order() -> None:
    about = mini("about")
    empty = missing_required(about, answers("about", {}))
    assert empty == (
        MissingAnswer("What should we call you?"),
        MissingAnswer("Why a skills assessment now?"),
        MissingAnswer("I have read the confidentiality notice"),
    )
    partly = answers("about", {("name", ""): "Sam", ("why", ""): "  ", ("consent", ""): False})
    assert [m.label for m in missing_required(about, partly)] == [
        "Why a skills assessment now?",
        "I have read the confidentiality notice",
    ]
    full = answers("about", {("name", ""): "Sam", ("why", ""): "Un départ", ("consent", ""): True})
    assert missing_required(about, full) == ()


def test_records_need_an_entry_and_each_entrys_required_fields() -> None:
    leads = mini("leads")
    assert missing_required(leads, answers("leads", {})) == (MissingAnswer(""),)
    two = answers(
        "leads",
        {
            ("name", "a"): "Nurse",
            (POSITION, "a"): 0,
            ("why", "b"): "people",
            (POSITION, "b"): 1,
        },
    )
    assert missing_required(leads, two) == (MissingAnswer("Occupation", 2),)
