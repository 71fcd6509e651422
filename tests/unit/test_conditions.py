"""Questions asked only when they apply (``when``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan_tui.domain.answers import ExerciseAnswers, JSONValue
from bilan_tui.domain.conditions import Condition, field_applies, parse_condition
from bilan_tui.packs import load_shipped_pack
from tests.unit.test_packs_broken import reported

FIXTURES = Path(__file__).parent.parent / "fixtures" / "packs"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("initiative != moi-meme", Condition("", "initiative", True, ("moi-meme",))),
        ("statut = a | b_c", Condition("", "statut", False, ("a", "b_c"))),
        (
            "situation.statut=fonctionnaire",
            Condition("situation", "statut", False, ("fonctionnaire",)),
        ),
        ("consent", Condition("", "consent", False, ())),
    ],
)
def test_conditions_are_read(text: str, expected: Condition) -> None:
    assert parse_condition(text) == expected


@pytest.mark.parametrize("text", ["", "a == b", "a = ", "A = b", "a = b |", "a.b.c = d", "a = b c"])
def test_malformed_conditions_are_refused(text: str) -> None:
    assert parse_condition(text) is None


def applies(text: str, value: JSONValue) -> bool:
    condition = parse_condition(text)
    assert condition is not None
    return condition.applies(lambda _exercise, _field: value)


def test_when_a_condition_holds() -> None:
    assert applies("x = a | b", "b")
    assert not applies("x = a | b", "c")
    assert not applies("x = a", None), "not answered yet: the question waits"
    assert applies("x != a", "b")
    assert not applies("x != a", "a")
    assert applies("x = a", ["c", "a"]), "a multichoice holds if one of its choices does"
    assert applies("x", True)
    assert not applies("x", False)
    assert not applies("x", "  ")
    assert applies("x", "some text")


def test_the_shipped_conditions_look_where_they_should() -> None:
    pack = load_shipped_pack("fr")
    demande, modalites = pack.exercise("demande"), pack.exercise("modalites")
    assert demande is not None and modalites is not None
    feeling = demande.field("initiative_ressenti")
    objection = modalites.field("opposition_rh")
    assert feeling is not None and objection is not None
    answers = ExerciseAnswers("bilan", "demande", {("initiative", ""): "moi-meme"})
    assert not field_applies(feeling, answers, lambda _e, _f: None)
    answers.set("initiative", "employeur")
    assert field_applies(feeling, answers, lambda _e, _f: None)
    # Only a State employee whose administration pays: not any public employee.
    for funding in ("cpf", "plan-employeur", "fonds-propres"):
        paid = ExerciseAnswers("bilan", "modalites", {("financement", ""): funding})
        assert not field_applies(objection, paid, lambda e, f: "fonctionnaire")
    state = ExerciseAnswers("bilan", "modalites", {("financement", ""): "administration-etat"})
    assert field_applies(objection, state, lambda _e, _f: None)


def test_pack_check_names_each_broken_condition() -> None:
    assert reported(FIXTURES / "broken-when") == [
        "first.md:16: field 'feeling': 'when' names choice 'others', not a choice of 'origin'",
        "first.md:22: field 'early': 'when' names field 'later', not an earlier field of 'first'",
        "first.md:33: field 'garbled': 'when' 'origin == mine' is not a condition: write "
        "'field = choice', 'field != choice | other', 'exercise.field = choice' or 'field'",
        "second.md:16: field 'nowhere': 'when' names exercise 'third', not in this pack",
        "second.md:22: field 'unknown': 'when' names field 'colour', not a field of 'first'",
        "list.md:10: field 'name': 'when' applies only to the questions of a form exercise",
    ]
