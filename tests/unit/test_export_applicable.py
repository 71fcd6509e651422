"""An answer to a question that no longer applies stays in the workbook, never in an export.

She answers "If the idea came from someone else, what do you think of it?",
then says the idea was her own: the question is hidden on screen and its
answer is kept (she may change her mind back). No export, in any scope or
format, may show that answer; once the question applies again, it is back (#20.12).
"""

from __future__ import annotations

import json

import pytest

from bilan_tui.domain.answers import Answer, AnswerKey, JSONValue
from bilan_tui.domain.records import Homework
from bilan_tui.export.api import render
from bilan_tui.export.applicable import applicable_only
from bilan_tui.export.options import ExportOptions
from bilan_tui.export.source import ExportSource
from bilan_tui.packs import load_shipped_pack
from tests.unit.export_helpers import REFERENCE, source_from
from tests.unit.page_readers import docx_document, pdf_pages, squeeze

FEELING = "Relieved-but-wary-marker"
OPPOSITION = "human resources department"
FORMATS = ("md", "html", "json", "docx", "pdf")
SCOPES = ("synthese", "detail", "homework")


def workbook(initiative: str, financement: str) -> ExportSource:
    pack = load_shipped_pack("en")
    rows: list[tuple[str, str, JSONValue]] = [
        ("demande", "declencheur", "Night shifts wear me out."),
        ("demande", "initiative", initiative),
        ("demande", "initiative_ressenti", FEELING),
        ("modalites", "financement", financement),
        ("modalites", "opposition_rh", True),
    ]
    answers = [Answer(AnswerKey(pack.id, ex, field), value) for ex, field, value in rows]
    homework = Homework(pack.id, ("demande", "modalites"), "hash", id=1)
    return source_from(pack, answers, homework=[homework], language="en")


def document_text(source: ExportSource, scope: str, fmt: str, private: bool) -> str:
    options = ExportOptions(
        scope=scope, format=fmt, include_private=private, generated_on=REFERENCE
    )
    rendered = render(source, options)
    if fmt == "docx":
        assert rendered.data is not None
        document = docx_document(rendered.data)
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([*(paragraph.text for paragraph in document.paragraphs), *cells])
    if fmt == "pdf":
        assert rendered.data is not None
        return squeeze(" ".join(pdf_pages(rendered.data)))
    if fmt == "json":
        return json.dumps(json.loads(rendered.text), ensure_ascii=False)
    return rendered.text


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_answer_that_no_longer_applies_is_in_no_export(scope: str, fmt: str) -> None:
    source = workbook(initiative="moi-meme", financement="cpf")
    for private in (False, True):
        text = document_text(source, scope, fmt, private)
        assert FEELING not in text, f"{scope}/{fmt}: the follow-up of someone else's idea"
        assert OPPOSITION not in text, f"{scope}/{fmt}: the State employee's objection"
        if scope == "detail":
            assert "Night shifts wear me out." in text, "the answers that apply stay"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_answer_is_back_once_the_question_applies_again(fmt: str) -> None:
    source = workbook(initiative="employeur", financement="administration-etat")
    text = document_text(source, "detail", fmt, private=True)
    assert FEELING in text
    assert OPPOSITION in text


def test_the_snapshot_keeps_every_answer_of_a_question_that_applies() -> None:
    source = workbook(initiative="moi-meme", financement="cpf")
    demande = applicable_only(source).exercise_answers("demande")
    assert demande.get("initiative_ressenti") is None
    assert demande.get("initiative") == "moi-meme"
    assert demande.get("declencheur") == "Night shifts wear me out."
    assert source.exercise_answers("demande").get("initiative_ressenti") == FEELING, "kept"
