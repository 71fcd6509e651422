"""PDF and DOCX: the page-based formats, made from the document every format shares.

``api.render`` writes the document for a scope once; for ``pdf`` and
``docx`` it hands that document here, where it is read into blocks with its
title block (``typeset``) and given to the Typst or Word writer. Each writer's
library is imported only when its format is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .options import ExportOptions
    from .source import ExportSource

PAGE_FORMATS: tuple[str, ...] = ("pdf", "docx")
"""The formats written as bytes, through this module."""


def page_document(markdown: str, source: ExportSource, options: ExportOptions, title: str) -> bytes:
    """The file's bytes for ``options.format`` (``pdf`` or ``docx``).

    Raises:
        PdfUnavailable: a PDF was asked for and ``typst`` is not installed.
    """
    from .typeset import prepare  # the blocks' classes: not for md, html or json (DESIGN §12)

    doc = prepare(markdown, source, options, title)
    if options.format == "pdf":
        from .typst_render import compile_pdf, typst_source

        return compile_pdf(typst_source(doc), options.date)
    from .docx_render import docx_bytes

    return docx_bytes(doc, options.date)
