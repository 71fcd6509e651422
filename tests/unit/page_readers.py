"""Reading PDF and DOCX exports back, as a reader would: text, headings, tables.

PDFs are read with pypdf (pure Python, in the ``dev`` extra); Typst source
is read back by Typst itself (``typst.query``), which gives the exact text
of every heading or labelled element; DOCX files with python-docx.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from bilan_tui.export.blocks import Heading, plain_text, read_blocks

_SPACES = re.compile(r"[\s\u00a0\u202f\u200b]+")


def squeeze(text: str) -> str:
    """Every run of spaces (no-break ones, line ends, zero-width) as one space."""
    return _SPACES.sub(" ", text.replace("\u200b", "")).strip()


def markdown_headings(markdown: str) -> list[str]:
    """The headings of a Markdown export, in order, as plain text."""
    return [plain_text(b.runs) for b in read_blocks(markdown) if isinstance(b, Heading)]


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of a PDF."""
    from pypdf import PdfReader

    assert data.startswith(b"%PDF-")
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def typst_query(source: str, selector: str, field: str | None = None) -> Any:
    """What Typst finds in the source for a selector (JSON, decoded)."""
    import typst

    found = typst.query(source.encode("utf-8"), selector, field=field, ignore_system_fonts=True)
    return json.loads(found)


def content_text(node: Any) -> str:
    """The text a Typst content value shows (JSON from ``typst.query``), breaks as newlines."""
    if isinstance(node, list):
        return "".join(content_text(child) for child in node)
    func = node.get("func")
    if func == "text":
        return str(node["text"])
    if func == "linebreak":
        return "\n"
    if func == "sequence":
        return content_text(node["children"])
    if func in ("strong", "emph", "heading"):
        return content_text(node["body"])
    raise AssertionError(f"unexpected element in the document: {func}")


def docx_document(data: bytes) -> Any:
    """The file opened with python-docx."""
    import docx

    assert data.startswith(b"PK")
    return docx.Document(io.BytesIO(data))


def docx_headings(document: Any) -> list[str]:
    """The text of the paragraphs styled Title or Heading n, in order."""
    return [
        paragraph.text
        for paragraph in document.paragraphs
        if paragraph.style.name == "Title" or paragraph.style.name.startswith("Heading")
    ]
