"""TOML syntax errors told in the person's language, with their place.

``tomllib`` explains a syntax error in English ("Invalid value (at line 12,
column 5)"). Pack authors and people importing homework read the reason in
their language instead: the common messages are mapped one by one, and any
other keeps its position with a generic reason.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass

from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _

_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)$")

# tomllib's own wording (Python 3.11 to 3.13), then our phrase.
_REASONS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(pattern + r"\Z", re.DOTALL), phrase)
    for pattern, phrase in (
        ("Invalid value", lambda m: _("a value is expected")),
        (
            "Invalid statement",
            lambda m: _("this line is neither 'key = value' nor a [table] name"),
        ),
        (
            "Expected newline or end of document after a statement",
            lambda m: _("something follows the value on the same line"),
        ),
        (
            "Expected '=' after a key in a key/value pair",
            lambda m: _("'=' is expected after the key"),
        ),
        (
            "Expected ']' at the end of a table declaration",
            lambda m: _("']' is missing at the end of the table name"),
        ),
        (
            "Expected ']]' at the end of an array declaration",
            lambda m: _("']]' is missing at the end of the table name"),
        ),
        ("Expected (.+)", lambda m: _("{text} is expected").format(text=m[1])),
        ("Found invalid character (.+)", lambda m: _("invalid character {text}").format(text=m[1])),
        (
            r"Illegal character '\\n'",
            lambda m: _("a string is not closed before the end of the line"),
        ),
        (
            "Illegal character (.+)",
            lambda m: _("a string holds a forbidden character {text}").format(text=m[1]),
        ),
        (
            "Cannot declare (.+) twice",
            lambda m: _("the table {text} is declared twice").format(text=m[1]),
        ),
        ("Cannot overwrite a value", lambda m: _("a value is given twice")),
        (
            "Cannot (?:mutate immutable|redefine) namespace (.+)",
            lambda m: _("{text} is already defined and cannot be extended").format(text=m[1]),
        ),
        (
            "Duplicate inline table key (.+)",
            lambda m: _("the key {text} is given twice").format(text=m[1]),
        ),
        (
            "Invalid initial character for a key part",
            lambda m: _("a key is expected here (letters, digits, '-', '_' or a quoted name)"),
        ),
        ("Unclosed array", lambda m: _("a list is not closed (']' is missing)")),
        ("Unclosed inline table", lambda m: _("a table in braces is not closed ('}' is missing)")),
        ("Unterminated string", lambda m: _("a string is not closed (a quote is missing)")),
        (r"Unescaped '\\' in a string", lambda m: _("a backslash in a string must be doubled")),
        (
            "Invalid hex value|Escaped character is not a Unicode scalar value",
            lambda m: _("invalid \\u escape in a string"),
        ),
        ("Invalid date or datetime", lambda m: _("invalid date")),
    )
)


@dataclass(frozen=True, slots=True)
class TomlProblem:
    """One TOML syntax error: where, and what, in the current language.

    Attributes:
        line: 1-based line, ``None`` at the end of the document.
        column: 1-based column, ``None`` at the end of the document.
        reason: A short phrase (no capital, no full stop).
    """

    line: int | None
    column: int | None
    reason: str


def toml_problem(error: tomllib.TOMLDecodeError) -> TomlProblem:
    """Read ``error``'s position and put its reason in the current language."""
    message = str(error)
    match = _POSITION.search(message)
    line = column = None
    if match and match[1]:
        line, column = int(match[1]), int(match[2])
    english = message[: match.start()] if match else message
    for pattern, phrase in _REASONS:
        found = pattern.match(english)
        if found:
            return TomlProblem(line, column, clean_text(phrase(found)))
    return TomlProblem(line, column, _("the syntax is not valid"))


def toml_message(error: tomllib.TOMLDecodeError) -> str:
    """``line 12, column 5: invalid TOML (a value is expected)``, in the current language."""
    problem = toml_problem(error)
    if problem.line is None:
        where = _("at the end of the file")
    else:
        where = _("line {line}, column {column}").format(line=problem.line, column=problem.column)
    return _("{where}: invalid TOML ({reason})").format(where=where, reason=problem.reason)
