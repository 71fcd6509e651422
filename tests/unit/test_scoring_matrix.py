"""Decision matrix: weights, weighted totals, percentages and ranking."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain.answers import Entry, ExerciseAnswers, JSONValue
from bilan_tui.domain.keys import SCORE_KEYS, WEIGHT_KEYS
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.parts import Criterion, Source
from bilan_tui.domain.scoring.matrix import matrix_options, score_matrix, weight_sensitivity

COMPARAISON = Exercise(
    "comparaison",
    "Comparer mes pistes",
    Kind.MATRIX,
    "investigation",
    criteria=(
        Criterion("valeurs", "Respecte mes valeurs", weight=5),
        Criterion("salaire", "Salaire"),  # default weight 3
        Criterion("trajet", "Temps de trajet", weight=1),
    ),
    source=Source("pistes", "metier"),
)
OPTIONS = [("p1", "Formatrice"), ("p2", "Cheffe de projet"), ("p3", "Libraire"), ("p4", "Guide")]


def matrix_answers(
    weights: dict[str, JSONValue], scores: dict[str, dict[str, JSONValue]]
) -> ExerciseAnswers:
    answers = ExerciseAnswers("bilan", "comparaison")
    for criterion, weight in weights.items():
        answers.set(WEIGHT_KEYS.key(criterion), weight)
    for entry_id, by_criterion in scores.items():
        for criterion, score in by_criterion.items():
            answers.set(SCORE_KEYS.key(criterion), score, entry_id)
    return answers


def test_weighted_totals_percentages_and_shared_ranks() -> None:
    answers = matrix_answers(
        {"trajet": 2},  # the person raises trajet from 1 to 2; the others keep the pack's
        {
            # p1: 5*4 + 3*2 + 2*5 = 36
            "p1": {"valeurs": 4, "salaire": 2, "trajet": 5},
            # p2: 5*5 + 3*5 + trajet missing (0) = 40, incomplete
            "p2": {"valeurs": 5, "salaire": 5},
            # p3: same as p1 = 36
            "p3": {"valeurs": 4, "salaire": 2, "trajet": 5},
            # p4: 5*1 + 3*1 + 2*1 = 10
            "p4": {"valeurs": 1, "salaire": 1, "trajet": 1},
        },
    )
    result = score_matrix(COMPARAISON, answers, OPTIONS)
    assert [(w.criterion.id, w.weight, w.from_pack) for w in result.weights] == [
        ("valeurs", 5, True),
        ("salaire", 3, True),
        ("trajet", 2, False),
    ]
    # max: (5 + 3 + 2) * 5 = 50
    assert result.max_total == 50
    by_id = {o.entry_id: o for o in result.options}
    assert [o.entry_id for o in result.options] == ["p1", "p2", "p3", "p4"]
    assert (by_id["p1"].total, by_id["p1"].percent, by_id["p1"].complete) == (36, 72.0, True)
    assert (by_id["p2"].total, by_id["p2"].percent, by_id["p2"].complete) == (40, 80.0, False)
    assert by_id["p2"].scores == (5, 5, None)
    assert by_id["p4"].total == 10
    assert [(o.entry_id, o.rank) for o in result.ranking] == [
        ("p2", 1),
        ("p1", 2),
        ("p3", 2),
        ("p4", 4),
    ]
    assert by_id["p3"].label == "Libraire"


def test_invalid_weights_and_scores_fall_back() -> None:
    # Weights 0, 7 and "4" are not 1..5 integers -> pack defaults 5, 3, 1 (max 45).
    # Scores 6 and True are ignored -> p1 = 5*3 = 15 and incomplete.
    answers = matrix_answers(
        {"valeurs": 0, "salaire": 7, "trajet": "4"},
        {"p1": {"valeurs": 3, "salaire": 6, "trajet": True}},
    )
    result = score_matrix(COMPARAISON, answers, OPTIONS[:1])
    assert [w.weight for w in result.weights] == [5, 3, 1]
    assert all(w.from_pack for w in result.weights)
    assert result.max_total == 45
    assert result.options[0].total == 15
    assert result.options[0].scores == (3, None, None)
    assert not result.options[0].complete


def test_nothing_scored_and_no_criteria() -> None:
    empty = score_matrix(COMPARAISON, ExerciseAnswers("bilan", "comparaison"), OPTIONS)
    assert [o.rank for o in empty.ranking] == [1, 1, 1, 1]
    assert [o.entry_id for o in empty.ranking] == ["p1", "p2", "p3", "p4"]
    bare = Exercise("m", "M", Kind.MATRIX, "investigation")
    result = score_matrix(bare, ExerciseAnswers("bilan", "m"), OPTIONS[:2])
    assert result.max_total == 0
    assert [(o.total, o.percent, o.complete) for o in result.options] == [(0, 0.0, True)] * 2


def test_options_come_from_the_source_entries() -> None:
    entries = [
        Entry("a", 0, {"metier": "  Formatrice   d'adultes "}),
        Entry("b", 1, {"metier": ""}),
        Entry("c", 2, {"autre": "x"}),
    ]
    assert matrix_options(COMPARAISON, entries) == [
        ("a", "Formatrice d'adultes"),
        ("b", ""),
        ("c", ""),
    ]


scores = st.one_of(st.none(), st.integers(0, 6))


@given(
    weights=st.lists(st.one_of(st.none(), st.integers(0, 6)), min_size=3, max_size=3),
    grid=st.lists(st.lists(scores, min_size=3, max_size=3), max_size=8),
)
def test_totals_bounded_and_ranking_is_a_permutation(
    weights: list[int | None], grid: list[list[int | None]]
) -> None:
    criteria = [c.id for c in COMPARAISON.criteria]
    options = [(f"o{n}", f"piste {n}") for n in range(len(grid))]
    answers = matrix_answers(
        {c: w for c, w in zip(criteria, weights, strict=True) if w is not None},
        {
            f"o{n}": {c: s for c, s in zip(criteria, row, strict=True) if s is not None}
            for n, row in enumerate(grid)
        },
    )
    result = score_matrix(COMPARAISON, answers, options)
    for option in result.options:
        assert 0 <= option.total <= result.max_total
        assert 0.0 <= option.percent <= 100.0
    assert sorted(o.entry_id for o in result.ranking) == sorted(e for e, _ in options)
    totals = [o.total for o in result.ranking]
    assert totals == sorted(totals, reverse=True)
    for position, option in enumerate(result.ranking):
        better = sum(other.total > option.total for other in result.options)
        assert option.rank == better + 1
        assert option.rank <= position + 1


WITH_LIMIT = Exercise(
    "comparaison",
    "Comparer mes pistes",
    Kind.MATRIX,
    "investigation",
    criteria=(
        Criterion("limites", "Respecte mes limites", eliminatory=True),
        Criterion("valeurs", "Respecte mes valeurs", weight=5),
        Criterion("salaire", "Salaire", weight=3),
    ),
    source=Source("pistes", "metier"),
)


def test_a_lead_that_breaks_a_limit_is_set_aside_whatever_its_points() -> None:
    answers = matrix_answers(
        {},
        {
            "p1": {"limites": 2, "valeurs": 5, "salaire": 5},  # best points, breaks a limit
            "p2": {"limites": 3, "valeurs": 3, "salaire": 3},
            "p3": {"limites": 5, "valeurs": 4, "salaire": 2},
        },
    )
    result = score_matrix(WITH_LIMIT, answers, OPTIONS[:3])
    assert [(o.entry_id, o.rank, o.eliminated) for o in result.ranking] == [
        ("p3", 1, False),
        ("p2", 2, False),
        ("p1", 0, True),
    ]
    # The limit has no weight: it adds nothing to totals or to the maximum.
    assert result.max_total == (5 + 3) * 5
    assert result.ranking[0].total == 5 * 4 + 3 * 2


def test_the_ranking_says_whether_one_point_of_weight_changes_the_first_place() -> None:
    scores = {
        "p1": {"limites": 5, "valeurs": 5, "salaire": 1},
        "p2": {"limites": 5, "valeurs": 3, "salaire": 5},
    }
    # Values 5 × (5 vs 3), pay 3 × (1 vs 5): 28 against 30, p2 first. One point less
    # on pay (2): 27 against 25, p1 first; one point more on pay: p2 further ahead.
    flips = weight_sensitivity(WITH_LIMIT, matrix_answers({}, scores), OPTIONS[:2])
    assert flips is not None
    assert [(f.criterion.id, f.delta, f.leader) for f in flips] == [("salaire", -1, "p1")]
    # A clear lead holds.
    steady = {"p1": {"limites": 5, "valeurs": 5, "salaire": 5}, "p2": {"limites": 5}}
    assert weight_sensitivity(WITH_LIMIT, matrix_answers({}, steady), OPTIONS[:2]) == ()
    # Nothing scored: nothing to say.
    assert weight_sensitivity(WITH_LIMIT, matrix_answers({}, {}), OPTIONS[:2]) is None
