"""PDF and DOCX exports, read back as a reader would: every heading, the text, the tables.

The demo's documents in both languages, and a workbook full of hostile
answers (Typst and Markdown markup, a very long word, right-to-left marks),
must come out with the same headings in the same order as the Markdown
export, with accents and guillemets intact, and the person's text exactly as
typed: no character of theirs becomes markup, and no escape of ours shows.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bilan_tui.domain.answers import Answer
from bilan_tui.domain.records import Homework
from bilan_tui.export.api import render
from bilan_tui.export.blocks import Table, read_blocks
from bilan_tui.export.doc import Doc, plain
from bilan_tui.export.documents import page_document
from bilan_tui.export.options import ExportOptions
from bilan_tui.export.source import ExportSource
from bilan_tui.export.typeset import prepare
from bilan_tui.export.typst_render import typst_source
from bilan_tui.packs import load_shipped_pack
from tests.unit.export_helpers import REFERENCE, answer, demo_source, source_from
from tests.unit.page_readers import (
    content_text,
    docx_document,
    docx_headings,
    markdown_headings,
    pdf_pages,
    squeeze,
    typst_query,
)

DAY = datetime.date(2025, 3, 14)
LONG_WORD = "Anticonstitutionnellement" * 6
HOSTILE = (
    '#set page(width: 1cm) #import "@preview/x:0.1.0" $x^2$ *gras* _it_ @ref <lbl> '
    'a\\b ] [ `code` "q" = pas un titre\n- pas une liste\n1. pas numéroté\n'
    "| a | b | &amp; ~~barré~~ \u200fשלום\u200f « guillemets » fin ?! " + LONG_WORD
)
HOSTILE_TITLE = "#heading[=] *x* _y_ $z$ @a <b> \\ ] \u200fעברית"


def options(scope: str, format_: str, **more: Any) -> ExportOptions:
    return ExportOptions(scope=scope, format=format_, generated_on=DAY, **more)


def hostile_source(language: str) -> ExportSource:
    """A workbook whose answers are markup of every kind, in a paragraph and a heading."""
    homework = Homework(pack_id="bilan", exercises=("demande", "realisations"), file_hash="h", id=1)
    answers: list[Answer] = [
        answer("bilan", "demande", "declencheur", HOSTILE),
        answer("bilan", "realisations", "titre", HOSTILE_TITLE, "r1"),
        answer("bilan", "realisations", "contexte", HOSTILE, "r1"),
    ]
    return source_from(load_shipped_pack(language), answers, name="#Zoé_*", homework=(homework,))


@pytest.fixture(scope="module")
def demo() -> dict[str, ExportSource]:
    return {language: demo_source(language, REFERENCE) for language in ("fr", "en")}


def headings_in_order(found: list[str], expected: list[str]) -> None:
    """Every expected heading appears, in the same order (extra lines may come between)."""
    position = 0
    for heading in expected:
        while position < len(found) and squeeze(found[position]) != squeeze(heading):
            position += 1
        assert position < len(found), f"heading missing or out of order: {heading!r}"
        position += 1


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("scope", ["synthese", "detail"])
def test_docx_has_the_markdown_headings_in_order_as_word_headings(
    demo: dict[str, ExportSource], language: str, scope: str
) -> None:
    source = demo[language]
    markdown = render(source, options(scope, "md")).markdown
    rendered = render(source, options(scope, "docx"))
    assert rendered.markdown == markdown
    assert rendered.data is not None
    document = docx_document(rendered.data)
    expected = markdown_headings(markdown)
    assert docx_headings(document) == expected
    levels = {p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert {"Heading 1", "Heading 2"} <= levels


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("scope", ["synthese", "detail"])
def test_pdf_has_the_markdown_headings_in_order(
    demo: dict[str, ExportSource], language: str, scope: str
) -> None:
    source = demo[language]
    markdown = render(source, options(scope, "md")).markdown
    expected = markdown_headings(markdown)
    doc = prepare(markdown, source, options(scope, "pdf"), "t")
    typst = typst_source(doc)
    bodies = [content_text(body) for body in typst_query(typst, "heading", "body")]
    assert [squeeze(text) for text in [doc.title, *bodies]] == [squeeze(h) for h in expected]
    data = render(source, options(scope, "pdf")).data
    assert data is not None
    lines = [line for page in pdf_pages(data) for line in page.splitlines()]
    headings_in_order(lines, expected)


def test_the_title_block_names_the_person_the_period_and_the_consultant(
    demo: dict[str, ExportSource],
) -> None:
    data = render(demo["fr"], options("synthese", "pdf")).data
    assert data is not None
    first = squeeze(pdf_pages(data)[0])
    assert first.startswith(
        "Document de synthèse Bilan de compétences de Nadia F. "
        "Période : du 10 janvier 2025 au 7 mars 2025 "
        "Accompagnement : Sophie Marchal — Cap Parcours Conseil "
        "Document établi le 14 mars 2025"
    )
    docx_data = render(demo["en"], options("synthese", "docx")).data
    assert docx_data is not None
    document = docx_document(docx_data)
    title, *subtitle = [
        p.text for p in document.paragraphs if p.style.name in ("Title", "Subtitle")
    ]
    assert title == "Synthesis document"
    assert subtitle == [
        "Skills assessment (bilan de compétences) of Nadia F.",
        "Period: from 10 January 2025 to 7 March 2025",
        "Consultant and organisation: Sophie Marchal — Cap Parcours Conseil",
        "Written on 14 March 2025",
    ]
    assert document.core_properties.title == "Synthesis document — Nadia F."
    assert document.core_properties.author == ""


@pytest.mark.parametrize(
    ("language", "footer"),
    [("fr", "Confidentiel — document personnel"), ("en", "Confidential — personal document")],
)
def test_every_pdf_page_carries_the_notice_and_its_number(
    demo: dict[str, ExportSource], language: str, footer: str
) -> None:
    data = render(demo[language], options("synthese", "pdf")).data
    assert data is not None
    pages = pdf_pages(data)
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert squeeze(text).endswith(f"{footer} {number} / {len(pages)}")


def test_docx_is_a4_with_the_notice_and_page_fields_in_the_footer(
    demo: dict[str, ExportSource],
) -> None:
    data = render(demo["fr"], options("synthese", "docx")).data
    assert data is not None
    document = docx_document(data)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Confidentiel — document personnel\t")
    fields = [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    lang = document.styles.element.find(".//" + qn("w:rPrDefault") + "//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "fr-FR"


def qn(tag: str) -> str:
    from docx.oxml.ns import qn as namespaced

    return str(namespaced(tag))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_docx_tables_and_lists_are_word_tables_and_lists(
    demo: dict[str, ExportSource], language: str
) -> None:
    source = demo[language]
    markdown = render(source, options("detail", "md")).markdown
    tables = [block for block in read_blocks(markdown) if isinstance(block, Table)]
    data = render(source, options("detail", "docx")).data
    assert data is not None
    document = docx_document(data)
    assert len(document.tables) == len(tables) > 0
    for table, expected in zip(document.tables, tables, strict=True):
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert rows[0] == ["".join(run.text for run in cell) for cell in expected.header]
        assert len(rows) == 1 + len(expected.rows)
        assert table.style.name == "Table Grid"
        header = table.rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    styles = {paragraph.style.name for paragraph in document.paragraphs}
    assert {"List Bullet", "List Number"} <= styles


def test_each_numbered_list_in_docx_starts_again_at_one(demo: dict[str, ExportSource]) -> None:
    doc = Doc()
    doc.heading(1, "Title")
    doc.numbered([plain("first"), plain("second")])
    doc.para("between")
    doc.numbered([plain("again first")])
    document = docx_document(page_document(doc.text(), demo["en"], options("detail", "docx"), "t"))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["first", "second", "again first"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2], "each list has its own numbering"
    numbering = document.part.numbering_part.element
    for num in numbering.num_lst:
        if num.numId in ids:
            start = num.find(qn("w:lvlOverride") + "/" + qn("w:startOverride"))
            assert start.get(qn("w:val")) == "1"


def test_the_french_documents_get_french_spacing_and_the_english_ones_do_not(
    demo: dict[str, ExportSource],
) -> None:
    fr = docx_document(render(demo["fr"], options("synthese", "docx")).data or b"")
    text = "\n".join(p.text for p in fr.paragraphs)
    assert "\u202f?" in text and "\u00a0:" in text and "«\u00a0" in text and "\u00a0»" in text
    assert " ?" not in text and " :" not in text and "« " not in text
    en = docx_document(render(demo["en"], options("synthese", "docx")).data or b"")
    assert "\u202f" not in "\n".join(p.text for p in en.paragraphs)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("scope", ["synthese", "detail", "homework"])
def test_hostile_answers_come_out_as_typed_in_docx(language: str, scope: str) -> None:
    source = hostile_source(language)
    data = render(source, options(scope, "docx")).data
    assert data is not None
    document = docx_document(data)
    texts = [p.text for p in document.paragraphs]
    whole = "\n".join(texts)
    typed = HOSTILE.replace(" ?!", "\u202f?!").replace("« guillemets »", "«\u00a0guillemets\u00a0»")
    expected = typed if language == "fr" else HOSTILE
    if scope != "synthese":
        assert expected in whole
        assert any(HOSTILE_TITLE in heading for heading in docx_headings(document))
    else:
        assert expected.split("\n")[0] in whole
    assert "\\#" not in whole and "\\*" not in whole and "&#" not in whole


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("scope", ["synthese", "detail", "homework"])
def test_hostile_answers_come_out_as_typed_in_pdf(language: str, scope: str) -> None:
    source = hostile_source(language)
    markdown = render(source, options(scope, "md")).markdown
    doc = prepare(markdown, source, options(scope, "pdf"), "t")
    typst = typst_source(doc)
    bodies = [content_text(body) for body in typst_query(typst, "heading", "body")]
    expected = [squeeze(heading) for heading in markdown_headings(markdown)]
    assert [squeeze(text) for text in [doc.title, *bodies]] == expected
    if scope != "synthese":
        assert any(HOSTILE_TITLE in body.replace("\u200b", "") for body in bodies)
    data = render(source, options(scope, "pdf")).data
    assert data is not None
    text = squeeze(" ".join(pdf_pages(data)))
    first_line = squeeze(HOSTILE.split("\n")[0])
    assert first_line in text, "the answer is there, markup characters and all"
    assert "#Zoé_*" in text
    assert "\\#" not in text and "\\*" not in text and "&#" not in text


def test_a_very_long_word_stays_on_the_page() -> None:
    source = hostile_source("en")
    markdown = render(source, options("detail", "md")).markdown
    typst = typst_source(prepare(markdown, source, options("detail", "pdf"), "t"))
    assert LONG_WORD not in typst, "break opportunities are offered inside it"
    assert LONG_WORD[:15] + "\\u{200b}" + LONG_WORD[15:30] in typst


def test_page_document_for_homework_names_the_assignment_exercises() -> None:
    source = hostile_source("en")
    data = page_document(
        render(source, options("homework", "md")).markdown,
        source,
        options("homework", "docx"),
        "Homework",
    )
    headings = docx_headings(docx_document(data))
    assert headings[:3] == ["Homework: the exercises asked for", "My request", "My achievements"]
