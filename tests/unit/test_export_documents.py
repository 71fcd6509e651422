"""The synthesis and the detailed results: what they say, and what they leave out."""

from __future__ import annotations

import datetime
import itertools
import re
import string

import pytest

from bilan_tui.domain.answers import Answer
from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.domain.records import Homework
from bilan_tui.export.api import NoHomework, render
from bilan_tui.export.options import ExportOptions
from bilan_tui.export.phrases_en import EN
from bilan_tui.export.phrases_fr import FR
from bilan_tui.packs import load_pack, load_shipped_pack
from tests.conftest import MINI_PACK
from tests.unit.export_helpers import REFERENCE, answer, demo_source, source_from

DAY = datetime.date(2025, 3, 14)


def markdown(source: object, **options: object) -> str:
    chosen = ExportOptions(generated_on=DAY, **options)  # type: ignore[arg-type]
    return render(source, chosen).markdown  # type: ignore[arg-type]


def headings(text: str, level: int) -> list[str]:
    marks = "#" * level + " "
    return [line[len(marks) :] for line in text.splitlines() if line.startswith(marks)]


def shipped(*answers: Answer, language: str = "en", **kwargs: object) -> object:
    return source_from(load_shipped_pack(language), answers, **kwargs)  # type: ignore[arg-type]


def a(exercise_id: str, field_id: str, value: object, entry: str = "") -> Answer:
    return answer("bilan", exercise_id, field_id, value, entry)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            [
                "En bref",
                "1. Le cadre du bilan",
                "2. Compétences et aptitudes",
                "3. Intérêts, valeurs et motivations",
                "4. Le projet professionnel",
                "5. Conditions et moyens de réalisation",
                "6. Les principales étapes",
                "7. Vos questions de départ, et ce que le bilan y a répondu",
                "8. Le regard de l'accompagnement",
                "9. Observations de la personne bénéficiaire",
                "Annexe\u00a0: les heures du bilan, phase par phase",
                "Confidentialité",
            ],
        ),
        (
            "en",
            [
                "At a glance",
                "1. Circumstances of the bilan",
                "2. Competencies and aptitudes",
                "3. Interests, values and motivations",
                "4. The professional project",
                "5. Conditions and means",
                "6. The main steps",
                "7. Your opening questions, and what the bilan answered",
                "8. The consultant's synthesis",
                "9. The beneficiary's observations",
                "Appendix: the hours of the bilan, phase by phase",
                "Confidentiality",
            ],
        ),
    ],
)
def test_the_demo_synthesis_has_every_part_in_order(language: str, expected: list[str]) -> None:
    text = markdown(demo_source(language))
    assert headings(text, 2) == expected
    assert "Nadia F." in text.splitlines()[2]


def test_an_untouched_workbook_says_not_yet_explored_instead_of_empty_headings() -> None:
    text = markdown(shipped())
    assert "*Not yet explored: the exercise “My request” is still to do.*" in text
    assert "*Not yet explored: the exercise “My action plan” is still to do.*" in text
    blocks = text.split("\n\n")
    for here, following in itertools.pairwise(blocks):
        if here.startswith("### "):
            assert not following.startswith("#"), f"empty heading: {here}"
    assert "No hours have been logged yet." in text


def test_every_exercise_of_the_detail_appears_in_phase_order() -> None:
    pack = load_shipped_pack("en")
    text = markdown(shipped(), scope="detail")
    assert headings(text, 2)[:3] == [
        "Preliminary phase",
        "Investigation phase",
        "Conclusions phase",
    ]
    # Every exercise but the evaluation, which is exported on its own only.
    shown = [exercise.title for exercise in pack.exercises if exercise.id != "evaluation"]
    assert headings(text, 3) == shown
    assert text.count("*Not yet explored.*") == len(shown)


def skills_source() -> object:
    return shipped(
        a("realisations", "titre", "Saved the school fair", "s1"),
        a("realisations", "competences", ["listening", "planning"], "s1"),
        a("entourage", "personne", "Marc", "f1"),
        a("entourage", "forces", ["Listening"], "f1"),
        a("competences", "rating:tag:listening", [3, 3]),
        a("competences", "rating:premiers-secours", [3, 2]),
        a("competences", "rating:former", [1, 3]),
    )


def test_each_asset_cites_its_stories_and_feedback_and_unbacked_ones_are_counted() -> None:
    text = markdown(skills_source())
    section = text.split("### Strengths")[1].split("###")[0]
    # The story's tag "listening" is the head of the grid's "Listening: …" item.
    assert (
        "**Listening: understanding what the other person really means** — mastery 3/3, desire 3/3"
        in section
    )
    assert "Backed by the story “Saved the school fair”; feedback from Marc." in section
    assert "wanted: 2, 1 of them backed by at least one story or piece of feedback." in section
    assert (
        "Strength claimed with no story or feedback behind it yet: 1, shown in the detailed"
        " results." in section
    )
    assert "First aid" not in section
    assert "Training: passing on a skill" in text.split("### Skills to develop")[1]


def test_private_answers_are_left_out_unless_the_person_opts_in() -> None:
    source = shipped(
        a("situation", "poste", "Nurse"),
        a("situation", "satisfaction_sante", 2),
        a("contraintes", "mobilite", "region"),
        a("contraintes", "limites_fonctionnelles", "No heavy lifting"),
    )
    health = "Does your health let you live and work the way you want to?"
    detail = markdown(source, scope="detail")
    assert health not in detail
    assert "No heavy lifting" not in detail
    assert "1 private answer is left out here.*" in detail
    assert "No heavy lifting" not in markdown(source)
    assert "are not included" in markdown(source)
    included = markdown(source, scope="detail", include_private=True)
    assert f"**{health}**\\\n2/10" in included
    assert "No heavy lifting" in markdown(source, include_private=True)


def test_answers_whose_field_left_the_pack_keep_their_own_heading() -> None:
    pack = load_pack(MINI_PACK)
    source = source_from(
        pack,
        [
            answer("mini", "about", "name", "Camille"),
            answer("mini", "about", "old_question", "An answer to a removed question"),
            answer("mini", "retired", "notes", "From an exercise that is gone"),
        ],
    )
    text = markdown(source, scope="detail")
    orphans = text.split("## Answers no longer in the pack")[1].split("## Confidentiality")[0]
    assert "**old\\_question**: An answer to a removed question" in orphans
    assert "### retired" in orphans
    assert "From an exercise that is gone" in orphans
    assert "An answer to a removed question" not in text.split("## Answers no longer")[0]
    shared = markdown(source, scope="detail", recipient="consultant")
    assert "2 older answers are left out" in shared
    assert "An answer to a removed question" not in shared


def test_text_typed_as_markdown_or_html_comes_out_as_typed() -> None:
    typed = "# Not a title\n- not a list\n<b>not bold</b> [not](http://a.link) | a | b |"
    source = shipped(a("demande", "declencheur", typed))
    for scope in ("synthese", "detail"):
        options = ExportOptions(scope=scope, format="html", generated_on=DAY)
        page = render(source, options).text  # type: ignore[arg-type]
        assert "# Not a title<br />\n- not a list<br />" in page
        assert "&lt;b&gt;not bold&lt;/b&gt; [not](http://a.link) | a | b |" in page
        assert "<b>" not in page and "<a " not in page


def test_a_synthesis_for_someone_else_names_the_recipient_and_the_date() -> None:
    text = markdown(shipped(name="Sam"), recipient="cep")
    assert (
        "Sam chose to share this document with their career development adviser (CEP); "
        "this agreement was recorded on 14 March 2025." in text
    )
    assert "This document is for Sam, and for no one else." in markdown(shipped(name="Sam"))


def test_homework_holds_only_the_assigned_exercises_in_the_consultants_order() -> None:
    with pytest.raises(NoHomework):
        markdown(shipped(), scope="homework")
    homework = Homework(
        pack_id="bilan",
        exercises=("valeurs", "demande", "not-in-pack"),
        file_hash="h",
        due=datetime.date(2025, 4, 1),
        message="Before Thursday",
        id=7,
    )
    source = shipped(a("demande", "attentes", "A plan"), homework=(homework,))
    text = markdown(source, scope="homework", recipient="consultant")
    assert headings(text, 2) == ["My values", "My request", "Confidentiality"]
    assert "**Due**: 1 April 2025" in text
    assert "**Message from the consultant**: Before Thursday" in text
    assert "A plan" in text
    with pytest.raises(NoHomework):
        render(source, ExportOptions(scope="homework", homework_id=8))  # type: ignore[arg-type]


def test_the_french_synthesis_writes_french_dates_numbers_and_spaces() -> None:
    text = markdown(demo_source("fr", REFERENCE))
    assert "Document établi le 14 mars 2025" in text
    assert "\u00a0: " in text
    assert re.search(r"\d\u00a0\d{3}\u00a0€", text), "thousands and euros with non-breaking spaces"


def _fields(phrase: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(phrase) if name}


def test_both_languages_have_the_same_phrases_with_the_same_placeholders() -> None:
    assert FR.keys() == EN.keys()
    for key in FR:
        assert _fields(FR[key]) == _fields(EN[key]), key


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Tied for 1st place, with the same score:"),
        ("fr", "À égalité pour la 1re place, avec le même score :"),
    ],
)
def test_the_synthesis_tells_a_tie_at_the_cut_as_the_profile_does(
    language: str, sentence: str
) -> None:
    """Three aptitudes of twelve equal ones were shown, as if the others scored lower."""
    pack = load_shipped_pack(language)
    aptitudes = pack.exercise("aptitudes")
    assert aptitudes is not None
    every = [a("aptitudes", ITEM_KEYS.key(item.id), 3) for item in aptitudes.items]
    text = markdown(shipped(*every, language=language)).replace("\u00a0", " ")
    assert sentence in text
    for dimension in aptitudes.dimensions:
        assert f"**{dimension.title}**" in text


def test_the_first_page_says_the_project_the_best_backed_strengths_and_the_next_steps() -> None:
    text = markdown(demo_source("fr"))
    glance = text.split("## En bref")[1].split("\n## ")[0]
    glance = glance.replace("\u00a0", " ").replace("\u202f", " ")
    assert "**Le projet** : Je veux devenir infirmière en santé au travail, de jour," in glance
    # Strengths by their short head, the best backed first, five at most.
    strengths = glance.split("**Les atouts les mieux étayés** : ")[1].split("\n")[0]
    assert strengths.startswith("Former (3 récits, 3 retours) ; Écoute (3 récits, 2 retours)")
    assert strengths.count("(") == 5
    # The next three steps not taken yet, soonest first: none of the done ones.
    after = glance.split("Les prochaines étapes :")[1].split("\n\n", 2)[1]
    steps = [line for line in after.splitlines() if line.startswith("- ")]
    assert len(steps) == 3
    assert steps[0] == (
        "- **28 mars 2025** : Parler de mon projet à ma cadre, et demander un poste de jour"
        " en attendant"
    )
    assert not any("Refaire mon CV" in step for step in steps)


def test_the_first_page_holds_only_the_parts_the_copy_holds() -> None:
    only_observations = markdown(demo_source("en"), content=frozenset({"observations"}))
    assert "## At a glance" not in only_observations
    steps_only = markdown(demo_source("en"), content=frozenset({"steps"}))
    glance = steps_only.split("## At a glance")[1].split("\n## ")[0]
    assert "The next steps:" in glance
    assert "The project" not in glance and "strengths" not in glance


@pytest.mark.parametrize(
    ("total", "in_job", "expected"),
    [
        (19, 17, "**Work experience**: 19 years, 17 of them in the current occupation"),
        (19, 19, "**Work experience**: 19 years\n"),
        (19, 0, "**Work experience**: 19 years\n"),
        (None, 3, "**Work experience**: 3 years in the current occupation"),
    ],
)
def test_the_career_is_one_line(total: int | None, in_job: int, expected: str) -> None:
    answers = [a("situation", "experience_metier", in_job)]
    if total is not None:
        answers.append(a("situation", "experience_annees", total))
    assert expected in markdown(shipped(*answers))


def test_the_main_project_and_the_plan_b_appear_once() -> None:
    both = markdown(
        shipped(
            a("projet", "metier_cible", "Baker"),
            a("projet", "alternatives", "Pastry cook"),
            a("comparaison", "projet_principal", "Baker, in my town"),
            a("comparaison", "alternatives", "Pastry cook, if no bakery hires"),
        )
    )
    project = both.split("## 4.")[1].split("\n## ")[0]  # the first page may name it too
    assert project.count("Baker") == 1 and project.count("Pastry cook") == 1
    only_comparison = markdown(
        shipped(
            a("comparaison", "projet_principal", "Baker, in my town"),
            a("comparaison", "alternatives", "Pastry cook, if no bakery hires"),
        )
    )
    assert "Baker, in my town" in only_comparison
    assert "Pastry cook, if no bakery hires" in only_comparison
