"""The documents as Word files (``.docx``), made to be finished in a word processor.

A consultant restyles and completes the synthesis in Word or LibreOffice, so
the structure is Word's own: headings carry the ``Heading n`` styles (the
navigation pane and a table of contents find them), lists use ``List
Bullet`` and ``List Number`` (each numbered list starting again at 1), tables
are real tables in the ``Table Grid`` style whose header row repeats on every
page and whose rows never split across pages. Text goes in as text runs
(lxml escapes it), so nothing the person typed can become a field or
a style. ``docx`` is imported only when a DOCX is asked for.
"""

from __future__ import annotations

import datetime
import io
import re
from typing import TYPE_CHECKING, Any

from lxml.etree import SubElement

from .blocks import Heading, Line, ListBlock, Paragraph, Run, Table
from .typeset import Typeset

if TYPE_CHECKING:
    from docx.document import Document

LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_PPR, W_PSTYLE, W_NUMPR, W_ILVL, W_NUMID = (
    _W + tag for tag in ("pPr", "pStyle", "numPr", "ilvl", "numId")
)
W_R, W_RPR, W_B, W_I, W_T, W_BR, W_TAB, W_VAL = (
    _W + tag for tag in ("r", "rPr", "b", "i", "t", "br", "tab", "val")
)
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Characters XML 1.0 cannot hold (python-docx would refuse them): shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

TEXT_WIDTH_CM = 16.6
"""A4 (21 cm) less two 2.2 cm margins."""


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _add_runs(paragraph: Any, runs: Line, *, bold: bool = False) -> None:
    """Append styled runs to a ``w:p`` element; ``BREAK`` and newlines become line breaks.

    The runs are built with lxml directly (which escapes text and refuses
    what XML cannot hold): python-docx's ``add_run`` looks up its place among
    the paragraph's children for every run, which costs more than the rest.
    """
    for run in runs:
        for number, piece in enumerate(run.text.split("\n")):
            if number:
                SubElement(SubElement(paragraph, W_R), W_BR)
            if not piece:
                continue
            element = SubElement(paragraph, W_R)
            if run.strong or run.emphasis or bold:
                properties = SubElement(element, W_RPR)
                if run.strong or bold:
                    SubElement(properties, W_B)
                if run.emphasis:
                    SubElement(properties, W_I)
            for index, part in enumerate(piece.split("\t")):
                if index:
                    SubElement(element, W_TAB)  # Word's tab; a raw one in text is not shown
                if part:
                    text = SubElement(element, W_T)
                    text.set(XML_SPACE, "preserve")
                    text.text = _xml_safe(part)


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _new_numbering(document: Document, start: int) -> int:
    """A numbering instance of ``List Number`` that starts again at ``start``."""
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    abstract = next(num.abstractNumId.val for num in numbering.num_lst if num.numId == style_num)
    num = numbering.add_num(abstract)
    override = _element("w:lvlOverride", ilvl="0")
    override.append(_element("w:startOverride", val=str(start)))
    num.append(override)
    return int(num.numId)


def _paragraph(document: Document, style_id: str | None = None) -> Any:
    """A new ``w:p`` at the end of the body, with the style given by id."""
    paragraph = _element("w:p")  # python-docx's parser: its paragraph class, not a bare one
    if style_id is not None:
        SubElement(SubElement(paragraph, W_PPR), W_PSTYLE).set(W_VAL, style_id)
    document.element.body.sectPr.addprevious(paragraph)
    return paragraph


def _style_ids(document: Document) -> dict[str, str]:
    """The ids of the styles used, looked up once."""
    names = ["Title", "Subtitle", "List Bullet", "List Number", *HEADINGS]
    return {name: document.styles[name].style_id for name in names}


HEADINGS = [f"Heading {level}" for level in range(1, 7)]


def _list(document: Document, block: ListBlock, styles: dict[str, str]) -> None:
    style = styles["List Number" if block.ordered else "List Bullet"]
    number = _new_numbering(document, block.start) if block.ordered else None
    for item in block.items:
        paragraph = _paragraph(document, style)
        if number is not None:
            numbering = SubElement(paragraph[0], W_NUMPR)
            SubElement(numbering, W_ILVL).set(W_VAL, "0")
            SubElement(numbering, W_NUMID).set(W_VAL, str(number))
        _add_runs(paragraph, item)


def _table(document: Document, block: Table) -> None:
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = document.styles["Table Grid"]
    for index, row in enumerate(table._tbl.tr_lst):
        properties = row.get_or_add_trPr()
        properties.append(_element("w:cantSplit"))
        cells = block.header if index == 0 else block.rows[index - 1]
        if index == 0:
            properties.append(_element("w:tblHeader"))
        for cell, runs in zip(row.tc_lst, cells, strict=False):
            _add_runs(cell.p_lst[0], runs, bold=index == 0)
    _paragraph(document)


def _page(document: Document, doc: Typeset) -> None:
    """A4, margins, and the footer: the confidentiality line, then ``page / pages``."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, Twips

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.5)
    footer = section.footer.paragraphs[0]
    tabs = footer.paragraph_format.tab_stops
    for inherited in (4680, 9360):  # the template's centre and right tabs (Letter width)
        tabs.add_tab_stop(Twips(inherited), WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run(doc.footer + "\t")
    for index, field in enumerate(("PAGE", "NUMPAGES")):
        if index:
            footer.add_run(" / ")
        simple = _element("w:fldSimple", instr=field)
        run = _element("w:r")
        text = _element("w:t")
        text.text = "1"
        run.append(text)
        simple.append(run)
        footer._p.append(simple)
    document.styles["Footer"].font.size = Pt(8.5)  # the page fields' runs too
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)


def _language(document: Document, language: str) -> None:
    """The spelling language of the whole document (Word's proofing follows it)."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_props = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_props.find(qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
        run_props.append(lang)
    lang.set(qn("w:val"), LANGUAGE_TAGS[language])


def docx_bytes(doc: Typeset, day: datetime.date) -> bytes:
    """The document as a ``.docx`` file.

    Args:
        doc: The blocks and title block.
        day: The document's date, for the file's properties.
    """
    import docx

    document = docx.Document()
    _page(document, doc)
    _language(document, doc.language)
    styles = _style_ids(document)
    _add_runs(_paragraph(document, styles["Title"]), (Run(doc.title),))
    for line in doc.head:
        _add_runs(_paragraph(document, styles["Subtitle"]), line)
    for block in doc.body:
        if isinstance(block, Heading):
            level = min(max(block.level - 1, 1), len(HEADINGS))
            _add_runs(_paragraph(document, styles[f"Heading {level}"]), block.runs)
        elif isinstance(block, Paragraph):
            _add_runs(_paragraph(document), block.runs)
        elif isinstance(block, ListBlock):
            _list(document, block, styles)
        else:
            _table(document, block)
    stamp = datetime.datetime(day.year, day.month, day.day, 12)
    properties = document.core_properties
    properties.title = _xml_safe(doc.metadata_title)
    properties.author = properties.last_modified_by = properties.comments = ""
    properties.language = LANGUAGE_TAGS[doc.language]
    properties.created = properties.modified = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
