"""Holland matching: the Brown–Gore C index on two letters, worked out by hand.

Hexagon R-I-A-S-E-C; per position 3 same, 2 neighbours, 1 one apart, 0 opposite;
C = 3·s(p1, f1) + 2·s(p2, f2), a fiche without a minor read as its major twice.
"""

from __future__ import annotations

import pytest

from bilan_tui.referentiel.matching import (
    MAX_INDEX,
    congruence,
    hexagon_distance,
    rank,
    readings,
    reason,
    similarity,
)
from bilan_tui.referentiel.model import FicheRef

FICHES = [
    FicheRef("J9501", "Aide-soignant / Aide-soignante", "S", "I"),
    FicheRef("J9512", "Infirmier / Infirmière de santé au travail", "I", "S"),
    FicheRef("K9207", "Educateur spécialisé / Educatrice spécialisée", "S", ""),
    FicheRef("K9201", "Assistant social / Assistante sociale", "S", "C"),
    FicheRef("G9204", "Educateur sportif / Educatrice sportive", "S", "E"),
    FicheRef("D9102", "Boulanger / Boulangère", "R", ""),
    FicheRef("M9203", "Comptable", "C", "E"),
    FicheRef("E9105", "Editeur / Editrice", "A", "E"),
    FicheRef("M9805", "Développeur / Développeuse informatique", "I", "C"),
    FicheRef(
        "K9203", "Educateur technique spécialisé / Educatrice technique spécialisée", "S", "I"
    ),
]
CLEAR_SI = {"S": 80.0, "I": 60.0, "A": 50.0, "E": 40.0, "C": 30.0, "R": 20.0}
NEAR_SI = {"S": 80.0, "I": 77.0, "A": 60.0, "E": 40.0, "C": 30.0, "R": 20.0}


@pytest.mark.parametrize(
    ("a", "b", "steps", "score"),
    [
        ("S", "S", 0, 3),
        ("S", "E", 1, 2),
        ("R", "C", 1, 2),  # the hexagon closes on itself
        ("S", "I", 2, 1),
        ("R", "A", 2, 1),
        ("S", "R", 3, 0),
        ("I", "E", 3, 0),
        ("A", "C", 3, 0),
    ],
)
def test_hexagon_distance_and_per_position_score(a: str, b: str, steps: int, score: int) -> None:
    assert hexagon_distance(a, b) == hexagon_distance(b, a) == steps
    assert similarity(a, b) == score


@pytest.mark.parametrize(
    ("fiche", "index"),
    [
        (("S", "I"), 15),  # 3·3 + 2·3
        (("S", "A"), 13),  # 3·3 + 2·s(I, A) = 9 + 2·2
        (("S", ""), 11),  # read as S-S: 9 + 2·s(I, S) = 9 + 2·1
        (("S", "C"), 11),  # 9 + 2·s(I, C) = 9 + 2·1
        (("S", "E"), 9),  # 9 + 2·s(I, E) = 9 + 0
        (("A", "E"), 6),  # 3·s(S, A) + 2·s(I, E) = 3·2 + 0
        (("I", "S"), 5),  # 3·s(S, I) + 2·s(I, S) = 3·1 + 2·1
        (("I", "C"), 5),  # 3·1 + 2·s(I, C) = 3 + 2·1
        (("R", ""), 4),  # 3·s(S, R) + 2·s(I, R) = 0 + 2·2
        (("C", "E"), 3),  # 3·s(S, C) + 2·s(I, E) = 3·1 + 0
    ],
)
def test_congruence_of_an_s_i_person_worked_by_hand(fiche: tuple[str, str], index: int) -> None:
    assert congruence(("S", "I"), fiche) == index
    assert 0 <= index <= MAX_INDEX == 15


def test_readings_show_near_ties_within_the_margin() -> None:
    clear = readings(CLEAR_SI)
    assert clear is not None
    assert (clear.main, clear.alternatives) == (("S", "I"), ())
    near = readings(NEAR_SI)  # S 80, I 77: 3 points apart
    assert near is not None
    assert (near.main, near.alternatives) == (("S", "I"), (("I", "S"),))
    second = readings({"S": 80, "I": 70, "A": 67, "R": 10})  # I and A 3 apart
    assert second is not None
    assert (second.main, second.alternatives) == (("S", "I"), (("S", "A"),))
    # Equal scores: hexagon order decides the main reading, the other is shown.
    equal = readings({"S": 70, "I": 70})
    assert equal is not None
    assert (equal.main, equal.alternatives) == (("I", "S"), (("S", "I"),))
    assert readings({}) is None
    assert readings({"X": 50}) is None
    single = readings({"E": 50})
    assert single is not None and single.main == ("E", "E")


def test_ranking_orders_by_index_then_her_scores_then_title() -> None:
    ranked = rank(CLEAR_SI, FICHES, limit=20)
    assert [(s.fiche.code, s.score) for s in ranked] == [
        ("J9501", 15.0),
        ("K9203", 15.0),
        ("K9207", 11.0),  # her S score (80) counts on both letters: before S-C
        ("K9201", 11.0),
        ("G9204", 9.0),
        ("E9105", 6.0),
        ("J9512", 5.0),
        ("M9805", 5.0),
        ("D9102", 4.0),
        ("M9203", 3.0),
    ]
    assert not any(s.near_tie for s in ranked)
    assert [s.fiche.code for s in rank(CLEAR_SI, FICHES, limit=3)] == ["J9501", "K9203", "K9207"]
    assert rank({}, FICHES) == []


def test_chosen_centres_come_first_among_equals() -> None:
    ranked = rank(CLEAR_SI, FICHES, favoured={"K9201"}, limit=4)
    assert [s.fiche.code for s in ranked] == ["J9501", "K9203", "K9201", "K9207"]


def test_a_near_tie_brings_the_other_order_forward_and_says_so() -> None:
    ranked = {s.fiche.code: s for s in rank(NEAR_SI, FICHES, limit=20)}
    nurse = ranked["J9512"]
    assert (nurse.score, nurse.near_tie) == (15.0, True)
    assert nurse.reason == (
        "This fiche combines your first two types, social and investigative, with "
        "investigative first. Your scores for social and investigative are almost equal: "
        "it is by reading your code in the other order that this fiche comes this close."
    )
    assert (ranked["J9501"].score, ranked["J9501"].near_tie) == (15.0, False)
    # Without the near-tie the same fiche stays where its index puts it.
    assert rank(CLEAR_SI, [FICHES[1]])[0].score == 5.0


def test_near_ties_keep_a_place_when_many_fiches_share_her_main_reading() -> None:
    many = [FicheRef(f"S{n:04d}", f"Métier social {n}", "S", "I") for n in range(8)]
    other = [FicheRef("I0001", "Métier investigateur", "I", "S")]
    ranked = rank(NEAR_SI, many + other, limit=4)
    assert [s.fiche.code for s in ranked] == ["S0000", "S0001", "S0002", "I0001"]
    assert [s.near_tie for s in ranked] == [False, False, False, True]


@pytest.mark.parametrize(
    ("fiche", "sentence"),
    [
        (("S", "I"), "Your first two types, social and investigative, are those of this fiche."),
        (("S", ""), "Your main type, social, is the only type given for this fiche."),
        (
            ("S", "A"),
            "Your main type, social, leads this fiche; its second type, artistic, sits next "
            "to your second, investigative, on Holland's hexagon.",
        ),
        (
            ("I", "C"),
            "This fiche is led by your second type, investigative, which sits one step away "
            "from your main type, social, on Holland's hexagon.",
        ),
        (
            ("R", ""),
            "This fiche's main type, realistic, sits opposite your main type, social, on "
            "Holland's hexagon.",
        ),
    ],
)
def test_reasons_say_what_coincides_in_words(fiche: tuple[str, str], sentence: str) -> None:
    assert reason(("S", "I"), FicheRef("X0000", "x", *fiche)) == sentence
