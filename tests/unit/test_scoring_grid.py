"""Skills grid: merging items from three sources, evidence, and quadrants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain.answers import CUSTOM_ITEMS, Entry, ExerciseAnswers, JSONValue
from bilan_tui.domain.keys import RATING_KEYS, TAG_ITEM_KEYS
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.parts import Field, FieldType, Group, Item, Source
from bilan_tui.domain.scoring.grid import (
    Evidence,
    GridItem,
    GridItemKind,
    Rating,
    custom_key,
    grid_items,
    item_head,
    quadrants,
    read_ratings,
    score_grid,
    tag_item_key,
    tag_key,
)
from bilan_tui.packs import load_shipped_pack

COMPETENCES = Exercise(
    "competences",
    "Mes compétences",
    Kind.GRID,
    "investigation",
    groups=(Group("savoir-faire", "Savoir-faire"), Group("savoir-etre", "Savoir-être")),
    items=(
        Item("planifier", "Planifier un travail", group="savoir-faire"),
        Item("ecoute", "Écoute active", group="savoir-etre"),
    ),
    source=Source("realisations", "competences"),
)

REALISATIONS = Exercise(
    "realisations",
    "Mes réalisations",
    Kind.RECORDS,
    "investigation",
    fields=(
        Field("titre", FieldType.TEXT, "Titre"),
        Field("competences", FieldType.TAGS, "Compétences"),
    ),
    summary_fields=("titre",),
)


def story(entry_id: str, title: str, tags: JSONValue, position: int = 0) -> Entry:
    return Entry(entry_id, position, {"titre": title, "competences": tags})


def grid_answers(
    ratings: dict[str, JSONValue] | None = None, custom: list[str] | None = None
) -> ExerciseAnswers:
    answers = ExerciseAnswers("bilan", "competences")
    if custom is not None:
        answers.set(CUSTOM_ITEMS, list[JSONValue](custom))
    for key, value in (ratings or {}).items():
        answers.set(RATING_KEYS.key(key), value)
    return answers


def test_tag_key_ignores_case_accents_and_spacing() -> None:
    assert tag_key("  Écoute   ACTIVE ") == "ecoute active"
    assert tag_key("écoute active") == tag_key("ECOUTE\tactive")
    assert tag_key("Straße") == "strasse"
    assert tag_key("   ") == ""
    assert tag_item_key("Gestion de CRISE") == "tag:gestion de crise"
    assert custom_key("  Python   avancé ") == "custom:Python avancé"


def test_items_are_merged_and_deduplicated() -> None:
    # custom: "écoute ACTIVE" duplicates a pack item, "Python" is typed twice.
    answers = grid_answers(custom=["Python", "écoute ACTIVE", "python ", "  ", "Négocier"])
    entries = [
        story("e1", "Fusion de deux équipes", ["Gestion de crise", "Écoute active", "negocier"], 0),
        story("e2", "Salon 2023", ["gestion de  crise", "Pédagogie", "Gestion de crise"], 1),
    ]
    items = grid_items(COMPETENCES, answers, entries, REALISATIONS)
    assert [(i.key, i.text, i.kind, i.group) for i in items] == [
        ("planifier", "Planifier un travail", GridItemKind.PACK, "savoir-faire"),
        ("ecoute", "Écoute active", GridItemKind.PACK, "savoir-etre"),
        ("custom:Python", "Python", GridItemKind.CUSTOM, ""),
        ("custom:Négocier", "Négocier", GridItemKind.CUSTOM, ""),
        ("tag:gestion de crise", "Gestion de crise", GridItemKind.TAG, ""),
        ("tag:pedagogie", "Pédagogie", GridItemKind.TAG, ""),
    ]
    evidence = {i.key: i.evidence for i in items}
    fusion, salon = Evidence("e1", "Fusion de deux équipes"), Evidence("e2", "Salon 2023")
    # e2 cites "gestion de crise" twice: it counts once.
    assert evidence["tag:gestion de crise"] == (fusion, salon)
    assert evidence["tag:pedagogie"] == (salon,)
    # Tags matching an item already listed give it their evidence.
    assert evidence["ecoute"] == (fusion,)
    assert evidence["custom:Négocier"] == (fusion,)
    assert evidence["planifier"] == ()
    aliases = {i.key: i.aliases for i in items}
    assert aliases["ecoute"] == ("custom:écoute ACTIVE", "tag:ecoute active")
    # The second "python" is a duplicate too: a rating under its key would still count.
    assert aliases["custom:Python"] == ("custom:python",)
    assert aliases["tag:pedagogie"] == ()


def test_tags_need_a_source_and_accept_comma_text() -> None:
    no_source = Exercise("g", "G", Kind.GRID, "investigation", items=COMPETENCES.items)
    entries = [story("e1", "Fusion", ["Gestion de crise"])]
    assert [i.key for i in grid_items(no_source, grid_answers(), entries)] == [
        "planifier",
        "ecoute",
    ]
    comma = [story("e1", "Fusion", "Gestion de crise, pédagogie ,")]
    keys = [i.key for i in grid_items(COMPETENCES, grid_answers(), comma, REALISATIONS)]
    assert keys == ["planifier", "ecoute", "tag:gestion de crise", "tag:pedagogie"]


def test_evidence_title_without_the_source_exercise() -> None:
    entry = Entry("e9", 0, {"competences": ["Pédagogie"], "titre": "Atelier collège"})
    items = grid_items(COMPETENCES, grid_answers(), [entry])
    assert items[-1].evidence == (Evidence("e9", "Atelier collège"),)


def test_quadrants_boundaries_and_order() -> None:
    items = [GridItem(f"k{n}", f"item {n}", GridItemKind.PACK) for n in range(10)]
    answers = grid_answers(
        {
            "k0": [3, 2],  # asset, sum 5
            "k1": [3, 3],  # asset, sum 6 -> before k0
            "k2": [1, 2],  # to develop
            "k3": [0, 3],  # to develop, same sum as k2 -> after k2 (item order)
            "k9": [2, 2],  # mastery 2 is not yet an asset: to develop, sum 4 -> first
            "k4": [2, 1],  # to let go
            "k5": [3, 0],  # to let go
            "k6": [1, 1],  # neutral
            "k7": [3, None],  # desire not given -> unrated
            # k8 never rated
        }
    )
    result = quadrants(items, read_ratings(answers, items))
    assert [r.item.key for r in result.assets] == ["k1", "k0"]
    assert [r.item.key for r in result.to_develop] == ["k9", "k2", "k3"]
    assert [r.item.key for r in result.to_let_go] == ["k4", "k5"]
    assert [(r.item.key, r.mastery, r.desire) for r in result.neutral] == [("k6", 1, 1)]
    assert [i.key for i in result.unrated] == ["k7", "k8"]


def test_invalid_ratings_leave_an_item_unrated() -> None:
    items = [GridItem(f"k{n}", "x", GridItemKind.PACK) for n in range(4)]
    answers = grid_answers({"k0": [4, 2], "k1": [True, 2], "k2": [2], "k3": "2,2"})
    result = quadrants(items, read_ratings(answers, items))
    assert [i.key for i in result.unrated] == ["k0", "k1", "k2", "k3"]


def test_a_tag_naming_an_items_head_backs_that_item() -> None:
    # "Former" is the head of "Former : transmettre un savoir-faire" (any case, any accent).
    pack = load_shipped_pack("fr")
    grid, source = pack.exercise("competences"), pack.exercise("realisations")
    entries = [story("e1", "Tutorat", ["former", "Écoute", "gestion de crise"])]
    items = grid_items(grid, grid_answers(), entries, source)
    by_key = {item.key: item for item in items}
    assert by_key["former"].text == "Former : transmettre un savoir-faire"
    assert by_key["former"].evidence == (Evidence("e1", "Tutorat"),)
    assert by_key["ecoute"].evidence == (Evidence("e1", "Tutorat"),)
    assert "tag:former" not in by_key and "tag:ecoute" not in by_key
    assert by_key["tag:gestion de crise"].kind is GridItemKind.TAG


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_shipped_competence_has_a_short_distinct_head(language: str) -> None:
    grid = load_shipped_pack(language).exercise("competences")
    heads = [item_head(item.text) for item in grid.items]
    assert all(heads), [item.text for item in grid.items if not item_head(item.text)]
    assert all(len(head.split()) <= 4 for head in heads), heads
    assert len({tag_key(head) for head in heads}) == len(heads)


def test_rating_given_under_an_alias_still_counts() -> None:
    # The tag "écoute active" was rated before the pack listed the same competence.
    answers = grid_answers({"tag:ecoute active": [3, 3], "planifier": [0, 0]})
    entries = [story("e1", "Fusion", ["écoute active"])]
    result = score_grid(COMPETENCES, answers, entries, REALISATIONS)
    assert [(r.item.key, r.item.evidence) for r in result.assets] == [
        ("ecoute", (Evidence("e1", "Fusion"),))
    ]
    assert [r.item.key for r in result.neutral] == ["planifier"]


levels = st.one_of(st.none(), st.integers(-1, 4))


@given(st.lists(st.tuples(levels, levels), max_size=15))
def test_every_rated_item_lands_in_exactly_one_quadrant(
    pairs: list[tuple[int | None, int | None]],
) -> None:
    items = [GridItem(f"k{n}", f"item {n}", GridItemKind.PACK) for n in range(len(pairs))]
    ratings = {item.key: Rating(*pair) for item, pair in zip(items, pairs, strict=True)}
    result = quadrants(items, ratings)
    placed = [
        r.item.key
        for bucket in (result.assets, result.to_develop, result.to_let_go, result.neutral)
        for r in bucket
    ]
    assert len(placed) == len(set(placed))
    assert sorted(placed + [i.key for i in result.unrated]) == sorted(i.key for i in items)
    for item, (mastery, desire) in zip(items, pairs, strict=True):
        valid = all(v is not None and 0 <= v <= 3 for v in (mastery, desire))
        assert (item.key in placed) == valid
    for bucket in (result.assets, result.to_develop, result.to_let_go, result.neutral):
        sums = [r.mastery + r.desire for r in bucket]
        assert sums == sorted(sums, reverse=True)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_stories_guide_lists_every_head_of_the_grid(language: str) -> None:
    """The words to tag a story with are the grid's heads, group by group."""
    pack = load_shipped_pack(language)
    grid, stories = pack.exercise("competences"), pack.exercise("realisations")
    marker = "**Les mots de la grille.**" if language == "fr" else "**The grid's words.**"
    section = stories.guidance.split(marker, 1)[1].split("\n\n")[1]
    bullets = [" ".join(part.split()) for part in section.split("\n- ")]
    listed = [bullet.split(":", 1)[1].strip(" .").split(", ") for bullet in bullets]
    expected = [
        [tag_key(item_head(item.text)) for item in grid.items if item.group == group.id]
        for group in grid.groups
    ]
    assert [[tag_key(word) for word in words] for words in listed] == expected


def test_other_names_of_an_item_back_it_too() -> None:
    # "pédagogie", "Écoute active" and "sang-froid" name the grid's Former, Écoute and
    # Gestion du stress: one item each, with the story as evidence, no duplicate tag.
    pack = load_shipped_pack("fr")
    grid, source = pack.exercise("competences"), pack.exercise("realisations")
    entries = [story("e1", "Tutorat", ["Pédagogie", "Écoute active", "sang-froid"])]
    items = {item.key: item for item in grid_items(grid, grid_answers(), entries, source)}
    for key in ("former", "ecoute", "gestion-stress"):
        assert items[key].evidence == (Evidence("e1", "Tutorat"),), key
    assert not any(TAG_ITEM_KEYS.owns(key) for key in items)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_name_of_a_shipped_competence_belongs_to_one_item(language: str) -> None:
    grid = load_shipped_pack(language).exercise("competences")
    names = [
        tag_key(name)
        for item in grid.items
        for name in {item.text, item_head(item.text), *item.also}
    ]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
