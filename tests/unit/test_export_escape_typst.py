"""User text stays text in the PDF and DOCX too: read back by Typst and python-docx.

The escaping property of the Markdown export (``test_export_escape``),
extended to Typst: whatever the person types, the Typst compiler reads it
back from our source as exactly that text, never as markup (``#``, ``$``,
``*``, ``_``, ``@``, ``<``, ``\\``, ``]``...).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bilan_tui.domain.text import clean_text
from bilan_tui.export.blocks import Paragraph, read_blocks
from bilan_tui.export.doc import Doc
from bilan_tui.export.documents import page_document
from bilan_tui.export.options import ExportOptions
from bilan_tui.export.typst_render import content, typst_string
from tests.unit.export_helpers import demo_source
from tests.unit.page_readers import content_text, docx_document, typst_query

MARKUP = [
    "#set page(width: 1cm)",
    '#import "@preview/cetz:0.3.0"',
    "$x^2$ *bold* _em_ `raw` @label <label> = heading",
    "- item\n+ item\n/ term: description",
    "\\ backslash \\\\ and \\u{41} and \\n",
    '"quoted" and \\"escaped\\"',
    "] closes [ opens } { ) (",
    "// not a comment /* nor this */",
    "https://example.com ~ non-breaking -- dash --- ... 'quotes'",
    "\u200fעברית\u200f and \u202eoverride\u202c",
]


def read_back_string(text: str) -> str:
    found = typst_query(f"#metadata({typst_string(text)}) <t>", "<t>", "value")
    assert isinstance(found, list) and len(found) == 1
    value = found[0]
    assert isinstance(value, str)
    return value


def read_back_paragraph(text: str) -> str:
    """The text Typst sees in the paragraph our PDF writer makes of ``text``."""
    doc = Doc()
    doc.para(text)
    blocks = read_blocks(doc.text())
    if not blocks:
        return ""
    [paragraph] = blocks
    assert isinstance(paragraph, Paragraph)
    found = typst_query(f"#metadata([{content(paragraph.runs)}]) <t>", "<t>", "value")
    return content_text(found[0]).replace("\u200b", "")


@settings(max_examples=150, deadline=None)
@given(st.text())
@example("")
@example('\\"')
@example("\ud800 lone surrogate")
def test_any_text_is_a_typst_string_of_itself(text: str) -> None:
    expected = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    assert read_back_string(text) == expected


@settings(max_examples=150, deadline=None)
@given(st.text())
@example("\n\nblank lines\n\n\nbetween\n\n")
@example("x" * 200)
def test_any_answer_reaches_the_pdf_as_its_own_text(text: str) -> None:
    """Escaped for Markdown, read into blocks, written as Typst: Typst sees the answer."""
    assert read_back_paragraph(text) == clean_text(text).replace("\u200b", "")


def test_typst_markup_typed_in_an_answer_stays_text() -> None:
    for text in MARKUP:
        assert read_back_paragraph(text) == clean_text(text)
        assert read_back_string(text) == text


@settings(max_examples=100, deadline=None)
@given(st.text())
@example("\ttab at the start, and\tinside")
@example("  edges  \n\n")
@example("\n")
def test_any_answer_reaches_the_word_file_as_its_own_text(text: str) -> None:
    """The same path to DOCX: python-docx reads back exactly the answer."""
    doc = Doc()
    doc.heading(1, "T")
    doc.para(text)
    source = demo_source("en")
    data = page_document(doc.text(), source, ExportOptions(format="docx"), "t")
    paragraphs = docx_document(data).paragraphs
    body = [p.text for p in paragraphs if p.style.name == "Normal"]
    expected = clean_text(text).replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")
    if not expected.strip():
        # Blank answers: nothing readable either way (no paragraph, or a blank one).
        assert not "\n".join(body).strip()
        return
    assert "\n".join(body) == expected
