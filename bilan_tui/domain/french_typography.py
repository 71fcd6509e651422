"""French spacing for every French document (Markdown, HTML, PDF, DOCX) and screen.

French puts a space before the high punctuation (``: ; ! ?``) and inside
guillemets, and that space must never be where a line breaks: a ``?`` alone
at the start of a line, or a ``»`` cut from its quotation, is a typesetting
error. The Markdown keeps what the person typed; when a French document is
typeset, the spaces people type there become no-break spaces: a narrow one
(U+202F) before ``; ! ?``, a full one (U+00A0) before ``:`` and inside
``« »``, as the Imprimerie nationale's rules have it; a number keeps its
groups of thousands (``31 000``) and its unit (``3 800 €``, ``21 h 30``,
``87 %``) on one line. Only spaces are touched: no space is added before
``: ; ! ?`` (a URL, a time or a smiley stays as typed), only inside
guillemets, which always take one. Apostrophes stay as written: the content
uses the straight one throughout, and the person's own are hers.

The rule is pure (``re`` only) so that the exports and the interface, which
may not import each other, apply the same one (issue #20).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

_SPACES = "[ \u00a0\u202f\u2009]"
_BEFORE_NARROW = re.compile(_SPACES + r"+(?=[;!?])")
_BEFORE_FULL = re.compile(_SPACES + r"+(?=[:»])")
_AFTER_OPENING = re.compile("«(?:" + _SPACES + r"+|(?=\S))")
_BEFORE_CLOSING = re.compile(r"(?<=\S)»")
_IN_NUMBER = re.compile(r"(?<=\d)[ \u2009](?=\d{3}(?!\d))")
_BEFORE_UNIT = re.compile(r"(?<=\d)[ \u2009](?=(?:€|%|h\b|min\b))")
_AFTER_HOUR = re.compile(r"(?<=\d[\u00a0 ]h) (?=\d)")
_MARKS = frozenset(";:!?«»")
_DIGIT = re.compile(r"\d")
"""A digit the rules below could apply to: one search, not a Python loop over each character."""


def typeset_french(text: str) -> str:
    """``text`` with French no-break spaces before ``: ; ! ?`` and inside ``« »``.

    Args:
        text: A run of a French document (the person's words or ours).

    Returns:
        The same words; only the spaces around those marks change.
    """
    if _DIGIT.search(text):
        text = _IN_NUMBER.sub(NARROW_NBSP, text)
        text = _BEFORE_UNIT.sub(NBSP, text)
        text = _AFTER_HOUR.sub(NBSP, text)
    if _MARKS.isdisjoint(text):
        return text  # most runs hold none of these marks
    text = _BEFORE_NARROW.sub(NARROW_NBSP, text)
    text = _BEFORE_FULL.sub(NBSP, text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + "»", text)
