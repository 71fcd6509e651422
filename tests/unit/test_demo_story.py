"""The demo tells one consistent story: results, cross-references, dates and hours.

These tests read the demo as a consultant would: the results it produces
(Holland code, values, skills, leads), whether the exercises agree with each
other, whether the hours and dates hold together, in both languages.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import Counter

from bilan_tui.domain.answers import CUSTOM_ITEMS, JSONValue
from bilan_tui.domain.keys import CUSTOM_ITEM_KEYS, DEFINITION_KEYS, RATING_KEYS, TAG_ITEM_KEYS
from bilan_tui.domain.ledger import KINDS, SOURCES
from bilan_tui.domain.model import Pack
from bilan_tui.domain.parts import FieldType
from bilan_tui.domain.scoring import (
    GridItemKind,
    grid_items,
    matrix_options,
    quadrants,
    read_ratings,
    score_likert,
    score_matrix,
    sort_cards,
    tag_key,
)
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.demo.script import DemoScript, demo_script, entry_id
from bilan_tui.services.profile import skill_names

from .demo_helpers import LANGUAGES, REFERENCE, answers_of, value_of

# One story across the exercises ---------------------------------------------------


def test_interests_give_the_intended_holland_code(pack: Pack, script: DemoScript) -> None:
    interests = pack.exercise("interets")
    assert interests is not None
    result = score_likert(interests, answers_of(pack, script, "interets"))
    assert (result.code, result.display_code) == ("SIE", "SIE")
    assert result.answered == result.total and not result.flat
    observation = value_of(pack, script, "appropriation", "observation_interets")
    assert isinstance(observation, str) and observation.startswith("SIE")


def test_values_and_motivations_give_a_clear_top(pack: Pack, script: DemoScript) -> None:
    values = pack.exercise("valeurs")
    motivations = pack.exercise("motivations")
    assert values is not None and motivations is not None
    sorted_cards = sort_cards(values, answers_of(pack, script, "valeurs"))
    top = [ranked.card.id for ranked in sorted_cards.top]
    assert top == ["utilite-sociale", "equilibre", "sens", "apprendre", "autonomie"]
    assert all(ranked.ranked_by_person and ranked.definition for ranked in sorted_cards.top)
    assert sorted_cards.unsorted == ()
    result = score_likert(motivations, answers_of(pack, script, "motivations"))
    assert [d.dimension.id for d in result.ranked[:3]] == ["service", "equilibre", "expertise"]
    assert result.tied == ()


def test_the_skills_claimed_in_stories_are_grid_items_she_wants_cited_by_others(
    pack: Pack, script: DemoScript
) -> None:
    grid = pack.exercise("competences")
    stories_exercise = pack.exercise("realisations")
    assert grid is not None and stories_exercise is not None
    answers = answers_of(pack, script, "competences")
    stories = answers_of(pack, script, "realisations").entries()
    items = grid_items(grid, answers, stories, stories_exercise)
    result = quadrants(items, read_ratings(answers, items))
    wanted = [*result.assets, *result.to_develop]
    names = {name for rated in wanted for name in skill_names(rated.item)}
    tags = {tag_key(str(tag)) for story in stories for tag in _list(story.values["competences"])}
    assert 6 <= len(tags) <= 10
    assert tags <= names
    # Most story tags are the heads of the grid's own items, so the evidence
    # lands on them: at least four backed assets, all from the pack's list.
    backed = [rated for rated in result.assets if rated.item.evidence]
    assert len(backed) >= 4
    assert all(rated.item.kind is GridItemKind.PACK for rated in backed)
    assert result.to_develop and result.to_let_go
    feedback = answers_of(pack, script, "entourage").entries()
    forces = {tag_key(str(force)) for entry in feedback for force in _list(entry.values["forces"])}
    assert forces <= tags


def test_the_matrix_puts_the_main_project_first_and_the_trainer_second(
    pack: Pack, script: DemoScript
) -> None:
    matrix = pack.exercise("comparaison")
    assert matrix is not None
    leads = answers_of(pack, script, "pistes").entries()
    assert 4 <= len(leads) <= 5
    result = score_matrix(
        matrix, answers_of(pack, script, "comparaison"), matrix_options(matrix, leads)
    )
    assert all(option.complete for option in result.options)
    ranking = [option.entry_id for option in result.ranking]
    assert ranking[:2] == [entry_id("pistes", "sante-travail"), entry_id("pistes", "formatrice")]
    assert result.ranking[0].total > result.ranking[1].total
    assert result.ranking[0].label == value_of(pack, script, "projet", "metier_cible")
    assert value_of(pack, script, "projet", "code_rome") == "J1512"


def test_the_interviews_check_leads_of_the_list(pack: Pack, script: DemoScript) -> None:
    leads = {e.values["metier"] for e in answers_of(pack, script, "pistes").entries()}
    interviews = answers_of(pack, script, "enquetes").entries()
    assert 2 <= len(interviews) <= 3
    assert {e.values["metier"] for e in interviews} <= leads
    verdicts = Counter(e.values["verdict"] for e in interviews)
    assert verdicts["confirme"] >= 1 and verdicts["infirme"] == 0


# Dates and hours -----------------------------------------------------------------------


def test_the_bilan_runs_eight_weeks_and_ends_a_week_ago(pack: Pack, script: DemoScript) -> None:
    start = value_of(pack, script, "modalites", "date_debut")
    end = value_of(pack, script, "modalites", "date_fin")
    follow_up = value_of(pack, script, "suivi", "date_suivi")
    assert isinstance(start, str) and isinstance(end, str) and isinstance(follow_up, str)
    first, last = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    assert 49 <= (last - first).days <= 63
    assert 5 <= (REFERENCE - last).days <= 10
    assert 150 <= (datetime.date.fromisoformat(follow_up) - last).days <= 200
    sessions = [e.date for e in script.ledger if e.kind == "accompagnement"]
    assert (min(sessions), max(sessions)) == (first, last)
    assert all(entry.date <= REFERENCE for entry in script.ledger)
    assert all(a.updated_at and a.updated_at.date() <= REFERENCE for a in script.answers)
    steps = answers_of(pack, script, "plan-action").entries()
    done = [s for s in steps if s.values["statut"] == "fait"]
    assert 6 <= len(steps) <= 8 and done and len(done) < len(steps)
    assert all(str(s.values["echeance"]) <= REFERENCE.isoformat() for s in done)


def test_the_ledger_stays_under_24_hours_and_follows_the_plan(
    pack: Pack, script: DemoScript
) -> None:
    with_consultant = [e for e in script.ledger if e.kind == "accompagnement"]
    personal = [e for e in script.ledger if e.kind == "personnel"]
    assert 15 * 60 < sum(e.minutes for e in with_consultant) < 24 * 60
    assert 10 <= len(with_consultant) <= 14
    assert 12 * 60 <= sum(e.minutes for e in personal) <= 18 * 60
    assert {e.source for e in personal} == set(SOURCES)
    assert {e.kind for e in script.ledger} == set(KINDS)
    for entry in script.ledger:
        if entry.source == "auto":
            exercise = pack.exercise(entry.exercise_id or "")
            assert exercise is not None and exercise.phase == entry.phase
        else:
            assert entry.note.strip()
    planned = {
        phase: value_of(pack, script, "modalites", f"heures_{phase}")
        for phase in ("preliminaire", "investigation", "conclusions")
    }
    assert planned == {"preliminaire": 3, "investigation": 15, "conclusions": 6}
    for phase, hours in planned.items():
        used = sum(e.minutes for e in with_consultant if e.phase == phase)
        assert isinstance(hours, int) and 0 < used <= hours * 60


# Both languages, one person ---------------------------------------------------------------

TEXT_TYPES = (FieldType.TEXT, FieldType.LONGTEXT, FieldType.TAGS)


def _worded(field_id: str) -> bool:
    """Keys named in the language: definitions, the person's own items, tags, their ratings."""
    item = RATING_KEYS.name(field_id)
    return (
        DEFINITION_KEYS.owns(field_id)
        or field_id == CUSTOM_ITEMS
        or (item is not None and (TAG_ITEM_KEYS.owns(item) or CUSTOM_ITEM_KEYS.owns(item)))
    )


def facts_of(pack: Pack, script: DemoScript) -> dict[tuple[str, str, str], JSONValue]:
    """Every value that does not depend on the language, by key."""
    facts = {}
    for answer in script.answers:
        key = answer.key
        exercise = pack.exercise(key.exercise_id)
        assert exercise is not None
        field = exercise.field(key.field_id)
        if field is not None and field.type in TEXT_TYPES:
            continue
        if _worded(key.field_id):
            continue
        facts[key.exercise_id, key.field_id, key.entry_id] = answer.value
    return facts


def test_both_languages_tell_the_same_story() -> None:
    french, english = (load_shipped_pack(lang) for lang in LANGUAGES)
    fr_script, en_script = demo_script(french, REFERENCE), demo_script(english, REFERENCE)
    assert facts_of(french, fr_script) == facts_of(english, en_script)
    assert len(fr_script.answers) == len(en_script.answers)
    assert fr_script.ledger == tuple(
        dataclasses.replace(entry, note=fr_entry.note)
        for entry, fr_entry in zip(en_script.ledger, fr_script.ledger, strict=True)
    )
    assert fr_script.statuses == en_script.statuses
    assert (fr_script.display_name, fr_script.language, en_script.language) == (
        "Nadia F.",
        "fr",
        "en",
    )


def _list(value: JSONValue) -> list[JSONValue]:
    assert isinstance(value, list)
    return value
