"""The headless profile: which exercise feeds which part, and the figures worked out by hand."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bilan_tui.domain.answers import POSITION, RANK, ExerciseAnswers, JSONValue
from bilan_tui.domain.keys import DEFINITION_KEYS, ITEM_KEYS, PILE_KEYS, RATING_KEYS, TAG_ITEM_KEYS
from bilan_tui.domain.model import Exercise, Kind, Pack, Phase
from bilan_tui.domain.parts import Dimension
from bilan_tui.domain.scoring import GridItem, GridItemKind
from bilan_tui.domain.scoring.likert import split_top
from bilan_tui.packs import load_pack, load_shipped_pack
from bilan_tui.services.profile import (
    Feedback,
    Profile,
    bar,
    build_profile,
    empty_hints,
    interests_exercise,
    interests_sentences,
    skill_names,
    top_sentence,
    top_titles,
)

MINI = Path(__file__).parent.parent / "fixtures" / "packs" / "mini"

Values = dict[str, dict[tuple[str, str], JSONValue]]


def profile_of(pack: Pack, values: Values) -> Profile:
    """The profile of a workbook holding ``values`` (exercise id → (field, entry) → value)."""

    def read(exercise: Exercise) -> ExerciseAnswers:
        return ExerciseAnswers(pack.id, exercise.id, dict(values.get(exercise.id, {})))

    return build_profile(pack, read)


def ratings(exercise: Exercise, by_dimension: dict[str, int]) -> dict[tuple[str, str], JSONValue]:
    """The same rating for every item of each listed dimension."""
    return {
        (ITEM_KEYS.key(item.id), ""): by_dimension[item.dimension]
        for item in exercise.items
        if item.dimension in by_dimension
    }


def entries(rows: Iterable[tuple[str, dict[str, JSONValue]]]) -> dict[tuple[str, str], JSONValue]:
    """Record entries in the given order."""
    values: dict[tuple[str, str], JSONValue] = {}
    for position, (entry_id, fields) in enumerate(rows):
        values[(POSITION, entry_id)] = position
        for field_id, value in fields.items():
            values[(field_id, entry_id)] = value
    return values


def test_parts_are_found_by_kind_in_the_mini_pack_and_by_id_in_the_shipped_one() -> None:
    mini = profile_of(load_pack(MINI), {})
    assert mini.interests is not None and mini.interests.exercise.id == "interests"
    assert mini.aptitudes is None and mini.motivations is None
    assert mini.values is not None and mini.values.exercise.id == "values"
    assert mini.skills is not None and mini.skills.exercise.id == "skills"
    assert mini.skills.source is not None and mini.skills.source.id == "stories"
    assert mini.skills.feedback_exercise is None

    shipped = profile_of(load_shipped_pack("fr"), {})
    found = [
        part.exercise.id if part else None
        for part in (
            shipped.interests,
            shipped.aptitudes,
            shipped.motivations,
            shipped.values,
            shipped.skills,
        )
    ]
    assert found == ["interets", "aptitudes", "motivations", "valeurs", "competences"]
    assert shipped.skills is not None and shipped.skills.feedback_exercise is not None


def test_interests_are_the_first_likert_whose_dimensions_all_have_letters() -> None:
    plain = Exercise("a", "A", Kind.LIKERT, "investigation", dimensions=(Dimension("x", "X"),))
    lettered = Exercise(
        "b", "B", Kind.LIKERT, "investigation", dimensions=(Dimension("r", "R", letter="R"),)
    )
    pack = Pack("p", "1", "en", "P", phases=(Phase("investigation", (plain, lettered)),))
    assert interests_exercise(pack) is lettered
    assert interests_exercise(Pack("p", "1", "en", "P")) is None


def test_mini_interests_code_and_sentences() -> None:
    pack = load_pack(MINI)
    answers = {("item:r1", ""): 5, ("item:r2", ""): 4, ("item:i1", ""): 1, ("item:i2", ""): 2}
    answers |= {("item:s1", ""): 5, ("item:s2", ""): 5}
    profile = profile_of(pack, {"interests": answers})
    assert profile.interests is not None
    result = profile.interests.result
    # Scale 1–5: R (4+3)/2 of 4 = 87.5; I (0+1)/2 of 4 = 12.5; S 100.
    assert [(dim.label, dim.score) for dim in result.ranked] == [
        ("S", 100.0),
        ("R", 87.5),
        ("I", 12.5),
    ]
    assert interests_sentences(result) == [
        "Your code: SR.",
        "88 points out of 100 between your highest and lowest type: a clear profile.",
    ]
    assert "interests" not in empty_hints(profile)


def test_shipped_code_with_a_tie_at_the_cut_and_adjacent_letters() -> None:
    pack = load_shipped_pack("en")
    interets = pack.exercise("interets")
    assert interets is not None
    levels = {"social": 5, "entreprenant": 4}
    levels |= {dim: 1 for dim in ("realiste", "investigateur", "artistique", "conventionnel")}
    profile = profile_of(pack, {"interets": ratings(interets, levels)})
    assert profile.interests is not None
    assert interests_sentences(profile.interests.result) == [
        "Your code: SE(R=I=A=C).",
        "R = I = A = C are tied: read them in either order.",
        "The tie reaches the end of the code: another letter could take the last place.",
        "100 points out of 100 between your highest and lowest type: a clear profile.",
        "S and E are neighbours on the hexagon: a coherent pair.",
    ]


def test_flat_opposite_and_partial_code() -> None:
    pack = load_shipped_pack("en")
    interets = pack.exercise("interets")
    assert interets is not None
    answers = ratings(interets, {"realiste": 3, "social": 3})
    social = [item.id for item in interets.items if item.dimension == "social"]
    answers[(ITEM_KEYS.key(social[0]), "")] = 2
    answers[(ITEM_KEYS.key(social[1]), "")] = 2
    profile = profile_of(pack, {"interets": answers})
    assert profile.interests is not None
    # R: 2 of 4 = 50. S: six 2s and two 1s over 8 items = 1.75 of 4 = 43.75. Spread 6.25.
    assert interests_sentences(profile.interests.result) == [
        "Your code: RS.",
        "Your scores are close together (6 points apart out of 100): "
        "a prompt to talk it over, not a verdict.",
        "R and S are opposite on the hexagon: a tension worth exploring.",
        "Based on 16 of 48 answers so far.",
    ]


def test_values_top_with_definitions() -> None:
    pack = load_pack(MINI)
    piles: dict[tuple[str, str], JSONValue] = {
        (PILE_KEYS.key(card), ""): "essential" for card in ("autonomy", "helping", "balance")
    }
    piles[(PILE_KEYS.key("security"), "")] = "important"
    piles[(RANK, "")] = ["helping", "autonomy"]
    piles[(DEFINITION_KEYS.key("helping"), "")] = "Being useful"
    profile = profile_of(pack, {"values": piles})
    assert profile.values is not None and not profile.values.empty
    top = [(r.rank, r.card.id, r.definition, r.ranked_by_person) for r in profile.values.result.top]
    assert top == [
        (1, "helping", "Being useful", True),
        (2, "autonomy", "", True),
        (3, "balance", "", False),
    ]


def test_skills_quadrants_stories_and_feedback() -> None:
    pack = load_shipped_pack("en")
    stories = entries(
        [
            ("e1", {"titre": "Stocktake", "competences": ["Teamwork", "écoute active"]}),
            ("e2", {"titre": "Interns", "competences": ["Ecoute Active", "training"]}),
        ]
    )
    feedback = entries(
        [
            ("f1", {"personne": "Anne", "forces": ["TEAMWORK", "Écoute active", "Training"]}),
            ("f2", {"personne": "Bob", "forces": ["patience"]}),
        ]
    )
    grid: dict[tuple[str, str], JSONValue] = {
        (RATING_KEYS.key("travail-equipe"), ""): [3, 2],
        (RATING_KEYS.key(TAG_ITEM_KEYS.key("ecoute active")), ""): [3, 3],
        (RATING_KEYS.key("former"), ""): [2, 3],
        (RATING_KEYS.key("perseverance"), ""): [0, 3],
        (RATING_KEYS.key("bureautique"), ""): [3, 0],
        (RATING_KEYS.key("premiers-secours"), ""): [1, 1],
    }
    profile = profile_of(
        pack, {"realisations": stories, "entourage": feedback, "competences": grid}
    )
    skills = profile.skills
    assert skills is not None and skills.rated == 6
    result = skills.result
    # Both assets add up to 5 or 6; only a mastery of 3 makes an asset.
    assert [rated.item.key for rated in result.assets] == ["tag:ecoute active", "travail-equipe"]
    # A mastery of 2 ("I manage without help") with desire is still to develop.
    assert [rated.item.key for rated in result.to_develop] == ["former", "perseverance"]
    assert [rated.item.key for rated in result.to_let_go] == ["bureautique"]
    assert [rated.item.key for rated in result.neutral] == ["premiers-secours"]
    listening = result.assets[0].item
    assert [(proof.entry_id, proof.title) for proof in listening.evidence] == [
        ("e1", "Stocktake"),
        ("e2", "Interns"),
    ]
    # "training" is the head of "Training: passing on a skill": the story and
    # the feedback back the pack's item, and no separate "training" tag appears.
    training = result.to_develop[0].item
    assert training.text == "Training: passing on a skill"
    assert [proof.entry_id for proof in training.evidence] == ["e2"]
    assert "tag:training" in training.aliases
    every = [*result.assets, *result.to_develop, *result.to_let_go, *result.neutral]
    assert all(rated.item.key != "tag:training" for rated in every)
    assert all(item.key != "tag:training" for item in result.unrated)
    assert dict(skills.feedback) == {
        "travail-equipe": (Feedback("f1", "Anne", "TEAMWORK"),),
        "tag:ecoute active": (Feedback("f1", "Anne", "Écoute active"),),
        "former": (Feedback("f1", "Anne", "Training"),),
    }
    assert "skills" not in empty_hints(profile)


def test_empty_workbook_says_what_to_do() -> None:
    assert empty_hints(profile_of(load_pack(MINI), {})) == {
        "interests": "Rate the 6 activities in “My interests” to see your code.",
        "values": "Sort the cards in “My values” to see your top values.",
        "skills": "Rate your skills in “My skills” to see your assets and what to develop.",
    }
    shipped = empty_hints(profile_of(load_shipped_pack("en"), {}))
    assert shipped["aptitudes"] == (
        "Answer the 48 questions in “My aptitudes” to see your aptitude profile."
    )
    assert shipped["motivations"] == (
        "Answer the 32 statements in “My motivations” to see what drives you."
    )


def test_bars_fill_by_eighths() -> None:
    assert bar(0.5, 4) == "██"
    assert bar(0.33, 10) == "███▎"  # 26.4 eighths → 26 = 3 full + 2/8
    assert bar(1.0, 3) == "███"
    assert bar(1.7, 3) == "███"
    assert bar(-0.2, 3) == ""
    assert bar(0.05, 1) == ""  # 0.4 of an eighth rounds to nothing


def test_a_tie_at_the_last_place_is_named_as_a_tie() -> None:
    """Eight names once stood under "your top 3"; the synthesis showed three of them."""
    pack = load_pack(MINI)
    answers = {("item:r1", ""): 5, ("item:r2", ""): 5, ("item:i1", ""): 3, ("item:i2", ""): 3}
    answers |= {("item:s1", ""): 3, ("item:s2", ""): 3}
    profile = profile_of(pack, {"interests": answers})
    assert profile.interests is not None
    result = profile.interests.result
    split = split_top(result.ranked, 2)
    assert [dim.dimension.title for dim in split.clear] == ["Realistic"]
    assert [dim.dimension.title for dim in split.tied] == ["Investigative", "Social"]
    assert split.place == 2
    assert top_sentence(result, 2) == (
        "Your highest scores: Realistic; then, tied for 2nd place: Investigative, Social."
    )
    assert top_sentence(result, 1) == "Your top 1: Realistic."
    assert top_titles(result, 2) == {"Realistic", "Investigative", "Social"}
    assert split_top(result.ranked, 3).tied == (), "the cut falls after the tie"


def test_everything_tied_is_said_plainly() -> None:
    pack = load_pack(MINI)
    answers = {(ITEM_KEYS.key(item), ""): 3 for item in ("r1", "r2", "i1", "i2", "s1", "s2")}
    profile = profile_of(pack, {"interests": answers})
    assert profile.interests is not None
    assert top_sentence(profile.interests.result, 2) == (
        "Tied at the top, with the same score: Realistic, Investigative, Social."
    )


def test_skill_names_include_the_head_and_absorbed_tags() -> None:
    item = GridItem(
        "travail-equipe",
        "Teamwork: cooperating, helping",
        GridItemKind.PACK,
        aliases=("tag:esprit d'equipe", "custom:Team"),
    )
    assert skill_names(item) == {
        "teamwork: cooperating, helping",
        "teamwork",
        "esprit d'equipe",
        "team",
    }
