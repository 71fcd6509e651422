"""Escaping text for Markdown so that it stays text.

Answers and pack labels are data (DESIGN §6): a heading, a list, a table, an
HTML tag, an image or a link typed by the person must come out exactly as
typed, in the Markdown file and in the HTML made from it. The exports are also
read as plain files, so escaping stays minimal: only the characters that can
start a construct get a backslash, and French prose (apostrophes, colons,
question marks) is left alone.

``escape_block`` keeps every character, newline and space: each line break
becomes a hard break, and whitespace at either end of a line, which Markdown
would drop, is written as a numeric character reference. Rendering the result
gives back the text itself (a property test checks this for any string).
"""

from __future__ import annotations

import re

from bilan_tui.domain.text import clean_text

# Characters that open an inline construct anywhere in a line: code spans,
# emphasis, links and images, autolinks and raw HTML, tables, strikethrough,
# and the escape character itself.
_INLINE = re.compile(r"([\\`*_\[\]<|~])")
# "&name;" or "&#123;" would be read as a character reference.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line: headings, block quotes, list items, thematic breaks,
# setext underlines and ordered list numbers ("2024. ", "1) ").
_LINE_START = re.compile(r"^([#>+=-])")
_ORDERED = re.compile(r"^([0-9]{1,9})([.)])")
_SPECIAL = re.compile(r"[\\`*_\[\]<|~&#]")
_BLOCK_STARTERS = frozenset("#>+=-0123456789")
_EDGE_SPACE = re.compile(r"^(\s+)|(\s+)$")


def _reference(text: str) -> str:
    """Whitespace written as character references, which Markdown keeps."""
    return "".join(f"&#{ord(char)};" for char in text)


def _escape_line(line: str, *, starts_block: bool) -> str:
    """One line, escaped; edge whitespace kept as references.

    ``starts_block`` is true when the line begins a line of the document,
    where ``#``, ``-``, ``1.``... would start a block; otherwise (after
    ``## `` or ``**``, in a cell) ``#`` is escaped instead, since a heading
    drops a closing run of it.
    """
    text = line
    if _SPECIAL.search(text):  # most lines hold nothing to escape: skip the rest
        text = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))
        if not starts_block:
            text = text.replace("#", r"\#")
    if starts_block and text[:1] in _BLOCK_STARTERS:
        text = _LINE_START.sub(r"\\\1", text)
        text = _ORDERED.sub(r"\1\\\2", text)
    if text[:1].isspace() or text[-1:].isspace():
        text = _EDGE_SPACE.sub(lambda match: _reference(match.group(0)), text)
    return text


def escape_block(text: str) -> str:
    """A paragraph of Markdown that renders as ``text``, line breaks included.

    Terminal control characters are removed first (``clean_text``); what is
    left comes back unchanged once rendered. Newlines at the very end are
    written as references, since a hard break cannot end a paragraph.

    Args:
        text: Anything the person typed.

    Returns:
        Markdown for one paragraph ("" for empty text): never a heading, a
        list, a table, a link or HTML.
    """
    cleaned = clean_text(text)
    body = cleaned.rstrip("\n")
    trailing = len(cleaned) - len(body)
    lines = [_escape_line(line, starts_block=True) for line in body.split("\n")] if body else []
    return "\\\n".join(lines) + "&#10;" * trailing


def escape_inline(text: str) -> str:
    """Text inside a line (a heading, bold text, a table cell), taken literally.

    Line breaks become spaces and ``#`` is always escaped (a heading would
    drop a closing run of ``#``). Never put its result at the start of a line.
    """
    line = " ".join(clean_text(text).split("\n"))
    return _escape_line(line, starts_block=False)


def escape_cell(text: str) -> str:
    """Text for a table cell: one line, edges trimmed (cells trim them anyway)."""
    return escape_inline(" ".join(clean_text(text).split()))
