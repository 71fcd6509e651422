"""Who wrote what in the synthesis, her opening questions answered, and the evaluation apart.

The synthesis is written by the provider and handed to the person: until the
consultant's part exists it is titled as a draft. Her opening questions come
back beside what the bilan answered. The end-of-bilan evaluation is the
provider's evidence: only ``--scope evaluation`` ever holds it.
"""

from __future__ import annotations

import json

import pytest

from bilan_tui.domain.answers import Answer, JSONValue
from bilan_tui.export.api import render
from bilan_tui.export.contents import EVERYTHING
from bilan_tui.export.options import ExportOptions
from bilan_tui.packs import load_shipped_pack
from tests.unit.export_helpers import REFERENCE, answer, demo_source, source_from

EVALUATION_WORDS = "ZQ-the-coffee-was-cold"
"""A marker typed in the evaluation: it must appear in its export and nowhere else."""


def a(exercise_id: str, field_id: str, value: JSONValue) -> Answer:
    return answer("bilan", exercise_id, field_id, value)


def document(*answers: Answer, scope: str = "synthese", format_: str = "md", **kw: object) -> str:
    pack = load_shipped_pack("en")
    options = ExportOptions(scope=scope, format=format_, generated_on=REFERENCE, **kw)  # type: ignore[arg-type]
    return render(source_from(pack, answers), options).text


CONSULTANT = (
    a("synthese-consultant", "texte", "Camille has a clear project.\n\nThe next step is dated."),
    a("synthese-consultant", "nom", "Sophie Marchal"),
    a("synthese-consultant", "organisme", "Cap Parcours Conseil"),
    a("synthese-consultant", "remis_le", "2025-03-07"),
)


def test_without_the_consultants_part_the_synthesis_is_a_draft() -> None:
    text = document(a("demande", "declencheur", "Tired of nights."))
    assert text.startswith("# Draft for the synthesis\n")
    assert "This document is a draft: the part written by the person who accompanies" in text
    assert "## 8. The consultant's synthesis" in text
    assert "*This part is written by the person who accompanies the bilan" in text
    assert "Handed over" not in text


def test_the_consultants_part_makes_it_the_synthesis_signed_and_dated() -> None:
    text = document(a("demande", "declencheur", "Tired of nights."), *CONSULTANT)
    assert text.startswith("# Synthesis document\n")
    assert "draft" not in text.lower()
    # The handing-over date is not the export date, and both are shown.
    assert "*Written on 14 March 2025*" in text
    assert "*Handed over on 7 March 2025 by Sophie Marchal (Cap Parcours Conseil)*" in text
    section = text.split("## 8. The consultant's synthesis\n")[1].split("\n## ")[0]
    assert "*Written by Sophie Marchal (Cap Parcours Conseil). Handed over on 7 March 2025.*" in (
        section
    )
    # Her paragraphs stay paragraphs, not hard line breaks.
    assert "Camille has a clear project.\n\nThe next step is dated." in section


def test_the_document_says_who_wrote_what_and_her_observations_come_last() -> None:
    text = document(
        *CONSULTANT,
        a("appropriation", "observations", "I recognise myself in this."),
        a("bilan-questions", "questions_statut", "repondu"),
    )
    assert (
        "Who wrote what: the answers shown here are Camille M.'s own words, written during "
        "the bilan; the part \u201cThe consultant's synthesis\u201d is written by Sophie Marchal "
        "(Cap Parcours Conseil); Camille M.'s observations close the document."
    ) in text
    order = [
        text.index("## 7. Your opening questions, and what the bilan answered"),
        text.index("## 8. The consultant's synthesis"),
        text.index("## 9. The beneficiary's observations"),
    ]
    assert order == sorted(order)
    assert text.index("## At a glance") < order[0]


def test_an_unnamed_consultant_falls_back_on_the_arrangements() -> None:
    text = document(
        a("synthese-consultant", "texte", "A short synthesis."),
        a("modalites", "consultant", "Claire Dumas"),
    )
    assert "*Written by Claire Dumas.*" in text


def test_her_opening_questions_come_back_beside_what_the_bilan_answered() -> None:
    text = document(
        a("demande", "questions", "Can I work by day?"),
        a("demande", "reussite", "A plan I can keep."),
        a("demande", "attentes", "A decision."),
        a("bilan-questions", "questions_reponse", "Yes, in occupational health."),
        a("bilan-questions", "questions_statut", "repondu"),
        a("bilan-questions", "reussite_statut", "en-partie"),
    )
    section = text.split("## 7. Your opening questions, and what the bilan answered\n")[1]
    section = section.split("\n## ")[0]
    assert section.index("### The questions asked of the bilan") < section.index(
        "**At the start of the bilan**: \u201cCan I work by day?\u201d"
    )
    assert "**At the end of the bilan**: \u201cYes, in occupational health.\u201d" in section
    assert "**Answered**: yes" in section
    assert "### What was to make it a success" in section
    assert "**Answered**: partly" in section
    # Expectations not looked at again at the end say so, with her words from the start.
    assert "\u201cA decision.\u201d\n\n**Answered**: not yet looked at again" in section
    glance = text.split("## At a glance\n")[1].split("\n## ")[0]
    assert "Your opening questions:" in glance
    assert "- **The questions asked**: yes\n- **The measure of success**: partly" in glance
    assert "The expectations" not in glance  # no status given: no line on the first page


def test_the_questions_stay_out_of_a_copy_without_the_request() -> None:
    text = document(
        a("demande", "questions", "Can I work by day?"),
        a("bilan-questions", "questions_statut", "repondu"),
        recipient="employer",
    )
    assert "Can I work by day?" not in text
    assert "opening questions" not in text


@pytest.mark.parametrize("scope", ["synthese", "detail"])
@pytest.mark.parametrize("format_", ["md", "json"])
@pytest.mark.parametrize("recipient", ["self", "consultant"])
@pytest.mark.parametrize("content", [None, EVERYTHING])
def test_the_evaluation_is_never_in_the_synthesis_or_the_detail(
    scope: str, format_: str, recipient: str, content: frozenset[str] | None
) -> None:
    text = document(
        a("evaluation", "manques", EVALUATION_WORDS),
        a("evaluation", "utilite", 4),
        scope=scope,
        format_=format_,
        recipient=recipient,
        content=content,
    )
    assert EVALUATION_WORDS not in text
    assert "My evaluation of the bilan" not in text


@pytest.mark.parametrize("format_", ["md", "html", "json"])
def test_the_evaluation_exports_on_its_own(format_: str) -> None:
    text = document(
        a("evaluation", "utilite", 8),
        a("evaluation", "manques", EVALUATION_WORDS),
        a("evaluation", "objectifs", "en-partie"),
        a("demande", "declencheur", "ZQ-her-request"),
        *CONSULTANT,
        scope="evaluation",
        format_=format_,
    )
    assert EVALUATION_WORDS in text
    assert "ZQ-her-request" not in text and "Camille has a clear project" not in text
    if format_ == "json":
        data = json.loads(text)
        assert data["scope"] == "evaluation"
        [exercise] = data["exercises"]
        fields = {field["id"]: field for field in exercise["fields"]}
        assert fields["utilite"]["value"] == 8
        assert fields["objectifs"]["text"] == "Partly"
    else:
        assert "Evaluation of the bilan" in text
        assert "8/10" in text
        assert "This copy holds only part" not in text


def test_the_demo_evaluation_is_ready_to_hand_over() -> None:
    options = ExportOptions(scope="evaluation", generated_on=REFERENCE)
    text = render(demo_source("fr"), options).text
    assert text.startswith("# Avis sur le bilan")
    assert "9/10" in text
    assert "Plus de temps sur le financement" in text
