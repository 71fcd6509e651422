"""Writing the few TOML values a homework file holds, readably.

The standard library reads TOML but does not write it, and the homework file
needs only strings, dates and arrays of small tables. Long texts (the
consultant's message, the embedded pack's files) are written as multi-line
strings so that the file stays readable, and even editable, in a text editor.
"""

from __future__ import annotations

import datetime

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\f": "\\f", "\r": "\\r"}


def _escape(text: str, *, keep_newlines: bool) -> str:
    """Escape ``text`` for a basic string (multi-line when ``keep_newlines``).

    In a multi-line string a quote stays as is unless another quote follows
    it or it ends the text: no run of three unescaped quotes can then form,
    and a pack file keeps its ``id = "x"`` lines readable.
    """
    out: list[str] = []
    last = len(text) - 1
    for index, char in enumerate(text):
        if char == "\n" and keep_newlines:
            out.append("\n")
        elif char == '"' and keep_newlines and index < last and text[index + 1] != '"':
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == "\n":
            out.append("\\n")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def string(text: str) -> str:
    """A TOML string: one line for short text, a multi-line string otherwise."""
    if "\n" not in text:
        return '"' + _escape(text, keep_newlines=False) + '"'
    # The newline right after the opening quotes is dropped by TOML readers.
    return '"""\n' + _escape(text, keep_newlines=True) + '"""'


def key(name: str) -> str:
    """A key, quoted unless it is a bare key (``pack.toml`` needs quotes)."""
    if name and all(char.isascii() and (char.isalnum() or char in "-_") for char in name):
        return name
    return string(name)


def date(value: datetime.date) -> str:
    """A TOML local date."""
    return value.isoformat()


def moment(value: datetime.datetime) -> str:
    """A TOML offset date-time in UTC, to the second."""
    utc = value.astimezone(datetime.UTC).replace(microsecond=0, tzinfo=None)
    return utc.isoformat() + "Z"
