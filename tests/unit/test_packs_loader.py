"""The loader turns a sound pack into the domain objects the rest of the app uses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bilan_tui.domain.model import PHASE_IDS, Kind
from bilan_tui.domain.parts import (
    Card,
    Choice,
    Criterion,
    Dimension,
    FieldType,
    Group,
    Item,
    Pile,
    Scale,
    Source,
)
from bilan_tui.packs import (
    PackError,
    check_pack,
    load_pack,
    load_shipped_outline,
    load_shipped_pack,
    read_outline,
    shipped_pack_root,
)
from bilan_tui.packs.shipped import UnknownLanguageError

MINI = Path(__file__).parent.parent / "fixtures" / "packs" / "mini"


def test_mini_pack_metadata_and_phase_order() -> None:
    pack = load_pack(MINI)
    assert (pack.id, pack.version, pack.language, pack.title) == (
        "mini",
        "0.1.0",
        "en",
        "Mini pack",
    )
    assert pack.author == "bilan-tui tests"
    assert pack.licence == "CC0-1.0"
    assert pack.root == str(MINI)
    assert [phase.id for phase in pack.phases] == list(PHASE_IDS)
    assert [[ex.id for ex in phase.exercises] for phase in pack.phases] == [
        ["about"],
        ["stories", "interests", "values", "skills", "leads", "compare"],
        ["plan"],
    ]


def test_every_exercise_knows_its_pack_phase_and_file() -> None:
    pack = load_pack(MINI)
    for phase in pack.phases:
        for exercise in phase.exercises:
            assert exercise.phase == phase.id
            assert exercise.pack_id == "mini"
            assert exercise.path == str(MINI / f"{exercise.id}.md")


def test_mini_pack_uses_all_kinds_and_field_types() -> None:
    pack = load_pack(MINI)
    assert {exercise.kind for exercise in pack.exercises} == set(Kind)
    about = pack.exercise("about")
    assert about is not None
    assert {field.type for field in about.fields} == set(FieldType)


def test_form_fields_keep_every_attribute() -> None:
    about = load_pack(MINI).exercise("about")
    assert about is not None
    assert (about.title, about.minutes, about.summary) == (
        "About me",
        10,
        "A few facts to start with.",
    )
    name = about.field("name")
    assert name is not None
    assert (name.type, name.label, name.placeholder, name.required) == (
        FieldType.TEXT,
        "What should we call you?",
        "Camille",
        True,
    )
    why = about.field("why")
    assert why is not None and why.help == "An event, a feeling, an opportunity."
    hours = about.field("hours")
    assert hours is not None and (hours.min, hours.max) == (0, 40)
    funding = about.field("funding")
    assert funding is not None
    assert funding.choices == (
        Choice("cpf", "Personal training account"),
        Choice("employer", "My employer"),
        Choice("self", "Myself"),
    )
    satisfaction = about.field("satisfaction")
    assert satisfaction is not None
    assert (satisfaction.min, satisfaction.max) == (0, 10)
    assert (satisfaction.min_label, satisfaction.max_label) == ("Not at all", "Completely")
    consent = about.field("consent")
    assert consent is not None and consent.required and not consent.private


def test_guidance_is_the_markdown_body_stripped() -> None:
    about = load_pack(MINI).exercise("about")
    assert about is not None
    assert about.guidance == (
        "Answer in a few words; you can come back to it later.\n\n"
        "Everything stays **on your computer**."
    )


def test_records_entry_label_and_summary_fields() -> None:
    stories = load_pack(MINI).exercise("stories")
    assert stories is not None
    assert stories.kind is Kind.RECORDS
    assert stories.entry_label == "a story"
    assert stories.summary_fields == ("title", "year")
    skills = stories.field("skills")
    assert skills is not None and skills.type is FieldType.TAGS


def test_likert_scale_dimensions_items_and_extra_field() -> None:
    interests = load_pack(MINI).exercise("interests")
    assert interests is not None
    assert interests.top == 2
    assert interests.scale == Scale(
        1, 5, ("Not at all", "A little", "Somewhat", "A lot", "Very much")
    )
    assert [(d.id, d.letter) for d in interests.dimensions] == [
        ("realistic", "R"),
        ("investigative", "I"),
        ("social", "S"),
    ]
    assert interests.dimensions[0] == Dimension(
        "realistic", "Realistic", "Hands-on, practical, technical.", "R"
    )
    assert [(item.id, item.dimension) for item in interests.items] == [
        ("r1", "realistic"),
        ("r2", "realistic"),
        ("i1", "investigative"),
        ("i2", "investigative"),
        ("s1", "social"),
        ("s2", "social"),
    ]
    assert interests.items[0] == Item("r1", "Repair a bicycle", dimension="realistic")
    assert [field.id for field in interests.fields] == ["energy"]


def test_cardsort_piles_cards_and_top() -> None:
    values = load_pack(MINI).exercise("values")
    assert values is not None
    assert values.top == 3
    assert [pile.id for pile in values.piles] == ["essential", "important", "secondary"]
    assert values.piles[0] == Pile("essential", "Essential")
    assert len(values.cards) == 6
    assert values.cards[0] == Card("autonomy", "Autonomy", "Organising my own work.")


def test_grid_groups_items_and_source() -> None:
    skills = load_pack(MINI).exercise("skills")
    assert skills is not None
    assert skills.source == Source("stories", "skills")
    assert skills.groups == (Group("know_how", "Know-how"), Group("soft", "Soft skills"))
    assert [(item.id, item.group) for item in skills.items] == [
        ("plan", "know_how"),
        ("budget", "know_how"),
        ("listen", "soft"),
        ("calm", "soft"),
    ]


def test_matrix_criteria_default_weight_and_source() -> None:
    compare = load_pack(MINI).exercise("compare")
    assert compare is not None
    assert compare.source == Source("leads", "name")
    assert compare.criteria == (
        Criterion("values", "Fits my values", 5),
        Criterion("pay", "Pay", 3),
        Criterion("commute", "Short commute", 2),
    )


def test_private_field_in_conclusions() -> None:
    plan = load_pack(MINI).exercise("plan")
    assert plan is not None and plan.phase == "conclusions"
    health = plan.field("health")
    assert health is not None and health.private


def test_sound_pack_has_no_problems() -> None:
    assert check_pack(MINI) == []


def test_control_characters_are_stripped_on_load(tmp_path: Path) -> None:
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    path = pack_dir / "plan.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = "My plan"', 'title = "My \\u001b[31mplan\\u202e"')
    text = text.replace("Make the first step", "Make the \x1b]0;pwned\x07first step")
    path.write_text(text, encoding="utf-8")
    plan = load_pack(pack_dir).exercise("plan")
    assert plan is not None
    assert plan.title == "My plan"
    assert plan.guidance == "Make the first step small enough to take this week."


def test_pack_with_crlf_line_endings_loads(tmp_path: Path) -> None:
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    for path in pack_dir.iterdir():
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    about = load_pack(pack_dir).exercise("about")
    assert about is not None
    assert about.guidance == (
        "Answer in a few words; you can come back to it later.\n\n"
        "Everything stays **on your computer**."
    )


def test_outline_gives_titles_in_phase_order_without_full_parse() -> None:
    outline = read_outline(MINI)
    pack = load_pack(MINI)
    assert (outline.id, outline.language, outline.title) == ("mini", "en", "Mini pack")
    assert [phase.id for phase in outline.phases] == [phase.id for phase in pack.phases]
    for outline_phase, phase in zip(outline.phases, pack.phases, strict=True):
        assert [
            (ex.id, ex.title, ex.kind, ex.phase, ex.minutes, ex.summary)
            for ex in outline_phase.exercises
        ] == [
            (ex.id, ex.title, ex.kind.value, ex.phase, ex.minutes, ex.summary)
            for ex in phase.exercises
        ]


def test_outline_falls_back_to_the_id_for_a_broken_file(tmp_path: Path) -> None:
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    (pack_dir / "values.md").write_bytes(b"\xff\xfe not text")
    outline = read_outline(pack_dir)
    titles = {ex.id: ex.title for phase in outline.phases for ex in phase.exercises}
    assert titles["values"] == "values"
    assert titles["about"] == "About me"


def test_unknown_shipped_language_is_a_clear_error() -> None:
    with pytest.raises(UnknownLanguageError, match=r"'de'.*fr, en"):
        shipped_pack_root("de")
    with pytest.raises(ValueError):
        load_shipped_pack("de")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_shipped_pack_root_holds_a_pack(language: str) -> None:
    root = shipped_pack_root(language)
    assert (root / "pack.toml").is_file()
    assert root.name == language


@pytest.mark.parametrize("language", ["fr", "en"])
def test_shipped_pack_loads_without_problems(language: str) -> None:
    problems = check_pack(shipped_pack_root(language))
    assert [str(problem) for problem in problems] == []
    pack = load_shipped_pack(language)
    assert pack.language == language
    assert [phase.id for phase in pack.phases] == list(PHASE_IDS)
    assert load_shipped_pack(language) is pack  # cached: packs are immutable
    outline = load_shipped_outline(language)
    assert [ex.title for p in outline.phases for ex in p.exercises] == [
        ex.title for ex in pack.exercises
    ]


def test_load_pack_raises_with_every_problem(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path / "missing")
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'missing'}:1: cannot read the pack: no such folder"
    ]
    assert str(caught.value) == f"{tmp_path / 'missing'}:1: cannot read the pack: no such folder"
