"""What an editor's report changes in an exercise's answers held in memory."""

from __future__ import annotations

from bilan_tui.domain.answers import ExerciseAnswers


def test_a_new_value_is_recorded_and_reported_as_a_change() -> None:
    answers = ExerciseAnswers("bilan", "demande")
    assert answers.change("declencheur", "Un changement")
    assert answers.get("declencheur") == "Un changement"
    assert answers.change("lieu", "Lyon", "e1")
    assert answers.get("lieu", "e1") == "Lyon"
    assert answers.get("lieu") is None


def test_the_same_value_or_one_empty_value_for_another_changes_nothing() -> None:
    answers = ExerciseAnswers("bilan", "demande")
    answers.set("declencheur", "Un changement")
    assert not answers.change("declencheur", "Un changement")
    assert not answers.change("attentes", "")  # nothing there, still nothing
    assert not answers.change("themes", [])
    assert ("attentes", "") not in answers.values
    assert answers.change("declencheur", "")  # clearing a real answer is a change
    assert answers.get("declencheur") == ""
