"""The documents as Typst source, and as PDF with the ``typst`` package (extra ``[pdf]``).

Every text of the document, the person's answers as much as our phrases,
goes into the source as a Typst *string literal* (``#"…"``), never as
markup: inside a string only ``\\`` and ``"`` mean anything, and both are
escaped, so ``#``, ``$``, ``*``, ``_``, ``@``, ``<``, ``]``... stay text
whatever the person typed. The markup around the strings (page, headings,
lists, tables) is written here and holds no user text.

``typst`` is imported only when a PDF is asked for (its wheel is large, and
other commands should not pay for loading it); without it, ``compile_pdf``
raises :class:`PdfUnavailable`, which the faces turn into one line saying how
to add it.
"""

from __future__ import annotations

import datetime
import re
import threading
from typing import Any

from bilan_tui.i18n import _

from .blocks import BREAK, Block, Heading, Line, ListBlock, Paragraph, Run
from .typeset import Typeset

LONG_WORD = 30
"""A word this long or longer gets places where a line may break (every ``LONG_WORD // 2``)."""

ZERO_WIDTH_SPACE = "\u200b"

_LONG = re.compile(rf"\S{{{LONG_WORD},}}")

PREAMBLE = """\
#set page(
  paper: "a4",
  margin: (top: 2.3cm, bottom: 2.5cm, x: 2.2cm),
  footer: context {
    set text(size: 8.5pt, fill: luma(90))
    FOOTER
    h(1fr)
    counter(page).display("1 / 1", both: true)
  },
)
#set text(font: "Libertinus Serif", size: 11pt, lang: "LANG", hyphenate: true)
#set par(justify: true, leading: 0.62em, spacing: 1.05em)
#set heading(numbering: none)
#show heading: set text(fill: rgb("#1d3557"), hyphenate: false)
#show heading.where(level: 1): it => block(
  width: 100%, above: 1.9em, below: 0.9em,
  stroke: (bottom: 1pt + rgb("#457b9d")), inset: (bottom: 4pt),
  text(size: 15pt, it),
)
#show heading.where(level: 2): set text(size: 12.5pt)
#show heading.where(level: 3): set text(size: 11pt, style: "italic")
#set list(indent: 0.4em, spacing: 0.75em)
#set enum(indent: 0.4em, spacing: 0.75em)
#set table(stroke: 0.5pt + luma(190), inset: (x: 5pt, y: 4pt))
#set table.cell(breakable: false)
#show table.cell.where(y: 0): set text(weight: "bold")
#show table: set par(justify: false)
#show table: set text(size: 9.5pt, hyphenate: false)
"""


class PdfUnavailable(RuntimeError):
    """The ``typst`` package is not installed: PDF cannot be made (nothing else is affected)."""


def pdf_unavailable_message() -> str:
    """One line, in the person's language, saying how to add PDF."""
    return _("PDF needs the Typst package: pip install 'bilan-tui[pdf]' (other formats work).")


def typst_string(text: str) -> str:
    """``text`` as a Typst string literal, quotes included: data, never markup.

    Backslash and double quote are escaped; characters that are not
    printable (controls, format marks such as the right-to-left mark, unusual
    spaces) are written as ``\\u{…}`` escapes, which Typst reads back as the
    same character, so the source stays plain ASCII-safe where it matters.
    A lone surrogate, which no file can hold, becomes U+FFFD.
    """
    parts = ['"']
    for char in text:
        if char == "\\":
            parts.append("\\\\")
        elif char == '"':
            parts.append('\\"')
        elif char.isprintable():
            parts.append(char)
        else:
            code = ord(char)
            if 0xD800 <= code <= 0xDFFF:
                code = 0xFFFD
            parts.append(f"\\u{{{code:x}}}")
    parts.append('"')
    return "".join(parts)


def _breakable(text: str) -> str:
    """Long words (a pasted address, a run of letters) get places to break a line."""
    if len(text) < LONG_WORD or not _LONG.search(text):
        return text
    step = LONG_WORD // 2

    def cut(match: re.Match[str]) -> str:
        word = match.group(0)
        return ZERO_WIDTH_SPACE.join(word[i : i + step] for i in range(0, len(word), step))

    return _LONG.sub(cut, text)


def _run(run: Run) -> str:
    pieces = []
    for number, piece in enumerate(run.text.split("\n")):
        if number:
            pieces.append("#linebreak()")
        if not piece:
            continue
        literal = typst_string(_breakable(piece))
        if run.strong and run.emphasis:
            pieces.append(f"#strong(emph({literal}))")
        elif run.strong:
            pieces.append(f"#strong({literal})")
        elif run.emphasis:
            pieces.append(f"#emph({literal})")
        else:
            pieces.append(f"#{literal}")
    return "".join(pieces)


def content(runs: Line) -> str:
    """Typst markup for some runs: string literals, styles and line breaks only."""
    return "".join("#linebreak()" if run.text == BREAK else _run(run) for run in runs)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"#heading(level: {max(block.level - 1, 1)})[{content(block.runs)}]"
    if isinstance(block, Paragraph):
        return content(block.runs)
    if isinstance(block, ListBlock):
        items = ", ".join(f"[{content(item)}]" for item in block.items)
        if block.ordered:
            return f"#enum(start: {block.start}, {items})"
        return f"#list({items})"
    header = ", ".join(f"[{content(cell)}]" for cell in block.header)
    cells = ", ".join(f"[{content(cell)}]" for row in block.rows for cell in row)
    return f"#table(columns: {len(block.header)}, table.header(repeat: true, {header}), {cells})"


def title_block(doc: Typeset) -> str:
    """The title, whose bilan it is, the period, the consultant, the date; then a rule."""
    lines = "#linebreak()".join(content(line) for line in doc.head)
    return (
        "#block(width: 100%, below: 1.4em)[\n"
        f'#text(size: 21pt, weight: "bold", fill: rgb("#1d3557"))[{content((Run(doc.title),))}]'
        "\n\n"
        f"#text(size: 10.5pt, fill: luma(60))[{lines}]\n"
        '#v(0.2em)#line(length: 100%, stroke: 1.2pt + rgb("#457b9d"))\n]'
    )


def typst_source(doc: Typeset) -> str:
    """The whole document as Typst source (UTF-8 text)."""
    preamble = PREAMBLE.replace("LANG", doc.language).replace("FOOTER", typst_string(doc.footer))
    parts = [
        f"#set document(title: {typst_string(doc.metadata_title)})",
        preamble,
        title_block(doc),
    ]
    parts.extend(_block(block) for block in doc.body)
    return "\n\n".join(parts) + "\n"


_compilers: list[Any] = []
_compiling = threading.Lock()


def _compiler() -> Any:
    """The process's Typst compiler, made on the first PDF.

    Making one loads the bundled fonts (about 0.1 s); keeping it makes the
    next PDF of the session (the export screen's) several times faster, and
    uses less memory than a new compiler each time. Only the bundled fonts
    are used, so a PDF looks the same on every machine.

    Raises:
        PdfUnavailable: ``typst`` is not installed.
    """
    if not _compilers:
        try:
            import typst
        except ImportError:
            raise PdfUnavailable(pdf_unavailable_message()) from None
        _compilers.append(typst.Compiler(ignore_system_fonts=True))
    return _compilers[0]


def forget_compiler() -> None:
    """Drop the kept compiler (benchmarks measure a first PDF with it)."""
    with _compiling:
        _compilers.clear()


def compile_pdf(source: str, day: datetime.date) -> bytes:
    """The PDF of Typst source.

    Args:
        source: Written by :func:`typst_source`.
        day: The document's date, for the file's creation date.

    Raises:
        PdfUnavailable: ``typst`` is not installed.
    """
    stamp = datetime.datetime(day.year, day.month, day.day, 12, tzinfo=datetime.UTC)
    with _compiling:  # one compiler, and the export screen renders in threads
        data = _compiler().compile(input=source.encode("utf-8"), format="pdf", timestamp=stamp)
    if not isinstance(data, bytes):  # pragma: no cover - one PDF always comes as bytes
        raise TypeError("typst returned no PDF")
    return data
