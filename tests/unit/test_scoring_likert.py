"""Likert scoring: dimension scores, the code, its ties and how to read it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.parts import Dimension, Item, Scale
from bilan_tui.domain.scoring.likert import (
    Consistency,
    DimensionScore,
    first_unanswered,
    near_ties,
    progress,
    score_likert,
)

RIASEC = "RIASEC"


def riasec(items_per_type: int = 2, top: int = 3, scale: Scale | None = None) -> Exercise:
    """Six lettered dimensions in hexagon order, ``items_per_type`` items each."""
    dims = tuple(Dimension(letter.lower(), f"Type {letter}", letter=letter) for letter in RIASEC)
    items = tuple(
        Item(f"{letter.lower()}{n}", f"item {letter}{n}", dimension=letter.lower())
        for letter in RIASEC
        for n in range(items_per_type)
    )
    return Exercise(
        "interets",
        "Intérêts",
        Kind.LIKERT,
        "investigation",
        scale=scale or Scale(1, 5),
        dimensions=dims,
        items=items,
        top=top,
    )


def answers_for(ratings: dict[str, int]) -> ExerciseAnswers:
    answers = ExerciseAnswers("bilan", "interets")
    for item_id, value in ratings.items():
        answers.set(ITEM_KEYS.key(item_id), value)
    return answers


def by_type(exercise: Exercise, values: dict[str, int]) -> ExerciseAnswers:
    """Rate every item of each given letter with the same value."""
    return answers_for(
        {
            item.id: values[item.dimension.upper()]
            for item in exercise.items
            if item.dimension.upper() in values
        }
    )


def score_of(result_dims: tuple[DimensionScore, ...], letter: str) -> float | None:
    return next(d.score for d in result_dims if d.dimension.letter == letter)


def test_score_is_the_mean_rescaled_to_0_100() -> None:
    exercise = riasec(items_per_type=3)
    # R items rated 1, 5, 3 -> mean 3 on 1..5 -> (3 - 1) / 4 * 100 = 50.0
    # I items rated 2, 2 (third unanswered) -> mean 2 -> 25.0
    result = score_likert(exercise, answers_for({"r0": 1, "r1": 5, "r2": 3, "i0": 2, "i1": 2}))
    assert score_of(result.dimensions, "R") == 50.0
    assert score_of(result.dimensions, "I") == 25.0
    r = result.dimensions[0]
    assert (r.answered, r.total) == (3, 3)
    i = result.dimensions[1]
    assert (i.answered, i.total) == (2, 3)
    assert score_of(result.dimensions, "A") is None
    assert (result.answered, result.total) == (5, 18)


def test_rescaling_follows_the_scale() -> None:
    exercise = riasec(items_per_type=2, scale=Scale(0, 10))
    # 7 and 8 on 0..10 -> mean 7.5 -> 75.0 ; 0 and 0 -> 0.0 ; 10 and 10 -> 100.0
    result = score_likert(exercise, answers_for({"r0": 7, "r1": 8, "i0": 0, "i1": 0, "a0": 10}))
    assert score_of(result.dimensions, "R") == 75.0
    assert score_of(result.dimensions, "I") == 0.0
    assert score_of(result.dimensions, "A") == 100.0


def test_invalid_ratings_count_as_unanswered() -> None:
    exercise = riasec(items_per_type=2)
    # 6 is off the 1..5 scale, True is not a rating, "4" is text: only r1 = 4 counts -> 75.0
    answers = answers_for({"r1": 4, "i0": 6})
    answers.set(ITEM_KEYS.key("i1"), True)
    answers.set(ITEM_KEYS.key("r0"), "4")
    result = score_likert(exercise, answers)
    assert score_of(result.dimensions, "R") == 75.0
    assert score_of(result.dimensions, "I") is None
    assert progress(exercise, answers) == (1, 12)
    assert first_unanswered(exercise, answers) == 0


def test_code_is_the_top_dimensions_best_first() -> None:
    exercise = riasec()
    # S 5 -> 100, E 4 -> 75, A 3 -> 50, I 2 -> 25, R and C 1 -> 0
    result = score_likert(
        exercise, by_type(exercise, {"S": 5, "E": 4, "A": 3, "I": 2, "R": 1, "C": 1})
    )
    assert result.code == "SEA"
    assert result.display_code == "SEA"
    assert result.tied == ()
    assert not result.cutoff_tie
    assert [d.dimension.letter for d in result.ranked] == ["S", "E", "A", "I", "R", "C"]


def test_tie_inside_the_code_keeps_pack_order_and_is_reported() -> None:
    exercise = riasec()
    # S 100; A and E both 75 (A comes first in the pack); C 25
    result = score_likert(exercise, by_type(exercise, {"S": 5, "E": 4, "A": 4, "C": 2}))
    assert result.code == "SAE"
    assert result.tied == (("A", "E"),)
    assert result.display_code == "S(A=E)"
    assert not result.cutoff_tie


def test_tie_across_the_cut_off_is_flagged() -> None:
    exercise = riasec()
    # S 100, E 75, then I, A and C all 50 for the last place of a 3-letter code
    values = {"S": 5, "E": 4, "I": 3, "A": 3, "C": 3, "R": 1}
    result = score_likert(exercise, by_type(exercise, values))
    assert result.code == "SEI"
    assert result.tied == (("I", "A", "C"),)
    assert result.display_code == "SE(I=A=C)"
    assert result.cutoff_tie


def test_tie_below_the_code_is_not_reported() -> None:
    exercise = riasec()
    # S 100, E 75, A 50, then R and C tied at 0: they do not touch the code
    result = score_likert(exercise, by_type(exercise, {"S": 5, "E": 4, "A": 3, "R": 1, "C": 1}))
    assert result.code == "SEA"
    assert result.tied == ()


def test_flat_profile() -> None:
    exercise = riasec()
    every = {letter: 3 for letter in RIASEC}
    result = score_likert(exercise, by_type(exercise, every))
    assert result.code == "RIA"
    assert result.display_code == "(R=I=A=S=E=C)"
    assert result.cutoff_tie
    assert result.differentiation == 0.0
    assert result.flat


def test_differentiation_is_the_spread_of_scores() -> None:
    exercise = riasec()
    # S 100, R 0 (others unanswered) -> spread 100 ; a single scored type gives no spread
    result = score_likert(exercise, by_type(exercise, {"S": 5, "R": 1}))
    assert result.differentiation == 100.0
    assert not result.flat
    single = score_likert(exercise, by_type(exercise, {"S": 5}))
    assert single.differentiation is None
    assert single.code == "S"


def test_consistency_on_the_hexagon() -> None:
    exercise = riasec()
    cases = {
        # first two letters -> hexagon distance
        ("S", "E"): Consistency.ADJACENT,  # neighbours
        ("C", "R"): Consistency.ADJACENT,  # neighbours across the wrap C-R
        ("S", "C"): Consistency.ALTERNATE,  # one type between them
        ("R", "A"): Consistency.ALTERNATE,
        ("R", "S"): Consistency.OPPOSITE,
        ("I", "E"): Consistency.OPPOSITE,
    }
    for (first, second), expected in cases.items():
        result = score_likert(exercise, by_type(exercise, {first: 5, second: 4}))
        assert result.code == first + second
        assert result.consistency is expected, (first, second)


def test_no_consistency_outside_riasec_or_without_two_letters() -> None:
    exercise = riasec()
    assert score_likert(exercise, by_type(exercise, {"S": 5})).consistency is None
    dims = (Dimension("a", "Analyse", letter="X"), Dimension("b", "Bricolage", letter="Y"))
    other = Exercise(
        "aptitudes",
        "Aptitudes",
        Kind.LIKERT,
        "investigation",
        scale=Scale(1, 5),
        dimensions=dims,
        items=(Item("a1", "…", "a"), Item("b1", "…", "b")),
        top=2,
    )
    result = score_likert(other, answers_for({"a1": 2, "b1": 5}))
    assert result.code == "YX"
    assert result.consistency is None


def test_titles_stand_in_for_missing_letters() -> None:
    dims = (Dimension("a", "Sécurité"), Dimension("b", "Autonomie"), Dimension("c", "Défi"))
    exercise = Exercise(
        "motivations",
        "Motivations",
        Kind.LIKERT,
        "investigation",
        scale=Scale(1, 5),
        dimensions=dims,
        items=(Item("a1", "…", "a"), Item("b1", "…", "b"), Item("c1", "…", "c")),
        top=2,
    )
    result = score_likert(exercise, answers_for({"a1": 3, "b1": 5, "c1": 3}))
    assert result.code == "Autonomie, Sécurité"
    assert result.display_code == "Autonomie, (Sécurité=Défi)"
    assert result.cutoff_tie


def test_no_code_without_top_or_answers() -> None:
    exercise = riasec(top=0)
    result = score_likert(exercise, by_type(exercise, {"S": 5}))
    assert result.code == ""
    assert score_of(result.dimensions, "S") == 100.0
    empty = score_likert(riasec(), ExerciseAnswers("bilan", "interets"))
    assert empty.code == ""
    assert empty.ranked == ()
    assert empty.differentiation is None


def test_progress_and_first_unanswered() -> None:
    exercise = riasec(items_per_type=2)
    assert progress(exercise, ExerciseAnswers("bilan", "interets")) == (0, 12)
    answers = answers_for({item.id: 3 for item in exercise.items[:5]})
    assert progress(exercise, answers) == (5, 12)
    assert first_unanswered(exercise, answers) == 5
    answers.set(ITEM_KEYS.key(exercise.items[5].id), 2)
    answers.set(ITEM_KEYS.key(exercise.items[6].id), None)
    assert first_unanswered(exercise, answers) == 6
    full = answers_for({item.id: 1 for item in exercise.items})
    assert first_unanswered(exercise, full) is None
    assert progress(exercise, full) == (12, 12)


scales = st.tuples(st.integers(-3, 3), st.integers(1, 10)).map(lambda t: Scale(t[0], t[0] + t[1]))


@given(
    scale=scales,
    raw=st.lists(st.one_of(st.none(), st.integers(-5, 15)), min_size=12, max_size=12),
    seed=st.integers(0, 2**32 - 1),
)
def test_scores_are_bounded_and_independent_of_item_order(
    scale: Scale, raw: list[int | None], seed: int
) -> None:
    exercise = riasec(items_per_type=2, scale=scale)
    answers = answers_for(
        {
            item.id: value
            for item, value in zip(exercise.items, raw, strict=True)
            if value is not None
        }
    )
    result = score_likert(exercise, answers)
    for dim in result.dimensions:
        assert dim.score is None or 0.0 <= dim.score <= 100.0
        assert dim.answered <= dim.total
    shuffled_items = list(exercise.items)
    random.Random(seed).shuffle(shuffled_items)
    shuffled = Exercise(
        exercise.id,
        exercise.title,
        exercise.kind,
        exercise.phase,
        scale=scale,
        dimensions=exercise.dimensions,
        items=tuple(shuffled_items),
        top=exercise.top,
    )
    again = score_likert(shuffled, answers)
    assert again.dimensions == result.dimensions
    assert (again.code, again.tied, again.display_code) == (
        result.code,
        result.tied,
        result.display_code,
    )
    assert again.differentiation == result.differentiation
    assert again.consistency == result.consistency


def scored(**scores: float) -> tuple[DimensionScore, ...]:
    """Dimensions named by letter with the given scores, best first as ``ranked`` is."""
    ranked = sorted(scores.items(), key=lambda pair: -pair[1])
    return tuple(DimensionScore(Dimension(k.lower(), k, letter=k), v, 1, 1) for k, v in ranked)


def test_near_ties_are_close_neighbours_inside_the_code_or_across_its_cut() -> None:
    # The demo's interests: S 75, I 56, E 31, C 28, A 25, R 10; code SIE.
    ranked = scored(S=75, I=56, E=31, C=28, A=25, R=10)
    assert [(a.label, b.label) for a, b in near_ties(ranked, 3)] == [("E", "C")]
    # C and A are as close, but both outside the code: not its business.
    assert near_ties(ranked, 2) == ()
    # Inside the code too; exact ties are not near-ties (the code shows them as ties).
    ranked = scored(S=60, I=57, E=40, C=40, A=10, R=0)
    assert [(a.label, b.label) for a, b in near_ties(ranked, 3)] == [("S", "I")]
    # The margin is inclusive: 5 points apart is near, 5.1 is not.
    assert len(near_ties(scored(S=50, I=45, E=0), 1)) == 1
    assert near_ties(scored(S=50.1, I=45, E=0), 1) == ()


def test_a_forced_choice_gives_one_side_what_the_other_loses_and_reversed_count_back() -> None:
    dims = (Dimension("a", "A"), Dimension("b", "B"))
    items = (
        Item("pair", "first", dimension="a", versus="b", versus_text="second"),
        Item("ra", "I agree with A", dimension="a"),
        Item("rb", "I disagree with B", dimension="b", reverse=True),
    )
    exercise = Exercise(
        "m", "M", Kind.LIKERT, "investigation", scale=Scale(1, 5), dimensions=dims, items=items
    )
    scores = {
        d.dimension.id: (d.score, d.answered, d.total)
        for d in score_likert(exercise, answers_for({"pair": 2, "ra": 5, "rb": 5})).dimensions
    }
    # pair = 2 ("rather the first"): A gets 3 of 4, B gets 1 of 4. ra = 5: A 4 of 4.
    # rb = 5 on a reversed item: B gets 0 of 4.
    assert scores["a"] == (pytest.approx((3 + 4) / 8 * 100), 2, 2)
    assert scores["b"] == (pytest.approx((1 + 0) / 8 * 100), 2, 2)
    # "Both equally" gives each side half.
    equal = score_likert(exercise, answers_for({"pair": 3}))
    assert [d.score for d in equal.dimensions] == [50, 50]


def test_the_shipped_motivations_mix_forced_choices_and_reversed_items() -> None:
    from bilan_tui.packs import load_shipped_pack

    for language in ("fr", "en"):
        exercise = load_shipped_pack(language).exercise("motivations")
        assert exercise is not None and exercise.scale is not None
        items = exercise.items
        pairs = [item for item in items if item.forced_choice]
        assert len(pairs) * 2 >= len(items) - 1, "about half are forced choices"
        # Every orientation is keyed both ways, and appears in as many items as the others.
        for dim in exercise.dimensions:
            assert any(item.reverse and item.dimension == dim.id for item in items)
            assert any(not item.reverse and item.dimension == dim.id for item in items)
            count = sum(dim.id in (item.dimension, item.versus) for item in items)
            assert count == 6, (dim.id, count)
        assert len(exercise.scale.pair_labels) == len(exercise.scale.points)
