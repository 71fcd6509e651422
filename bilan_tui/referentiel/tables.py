"""Decoding and parsing one official CSV file, with its header checked.

The official files are UTF-8, comma separated, every field quoted. A required
file that is not UTF-8 is refused: guessing its encoding could store mojibake
in every label. An optional file falls back to a single-byte encoding (one of
the official files is one, whatever its name says): ISO-8859-15 when its bytes
show it ("Œ" as 0xBC), else Windows-1252, and the report says which.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bilan_tui.i18n import _

from .errors import ReferentielError


def file_label(name: str, version_code: int) -> str:
    """The official file name of a short name, as the person sees it in her folder."""
    return f"unix_{name}_v{version_code}_utf8.csv"


@dataclass(frozen=True, slots=True)
class Table:
    """The rows of one file, as tuples in the order of the columns asked for."""

    label: str
    rows: list[tuple[str, ...]]
    note: str = ""


def decode(data: bytes, label: str, *, required: bool) -> tuple[str, str]:
    """The text of a file, and a note when it had to be read as Windows-1252.

    Raises:
        ReferentielError: a required file that is not UTF-8, or an optional one
            that is neither UTF-8 nor Windows-1252.
    """
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as error:
        position = error.start
    if required:
        raise ReferentielError(
            _("{file} is not UTF-8 text (unreadable byte at position {position}).").format(
                file=label, position=position
            )
        )
    if _looks_latin9(data):
        return data.decode("iso8859_15"), _("read as ISO-8859-15 (Latin-9): it is not UTF-8")
    try:
        return data.decode("cp1252"), _("read as Windows-1252: it is not UTF-8")
    except UnicodeDecodeError:
        raise ReferentielError(
            _("{file} is neither UTF-8 nor Windows-1252 text.").format(file=label)
        ) from None


_CP1252_ONLY = frozenset(range(0x80, 0xA0))
"""Bytes Windows-1252 prints (’ € œ Œ …) and ISO-8859-15 keeps for control codes."""

_LATIN9_LETTERS = frozenset(b"\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe")
"""Bytes ISO-8859-15 reads as € Š š Ž ž Œ œ Ÿ, and Windows-1252 as rare symbols (¼ ½ ¤...)."""


def _looks_latin9(data: bytes) -> bool:
    """Whether a non-UTF-8 file is ISO-8859-15 rather than Windows-1252.

    The official ``unix_arborescence_secteur_naf`` writes "Œnologue" as byte
    0xBC: Windows-1252 would read "¼nologue". A file with none of Windows-1252's
    own bytes (0x80–0x9F) and some of Latin-9's letters is read as Latin-9.
    """
    present = set(data)
    return not (present & _CP1252_ONLY) and bool(present & _LATIN9_LETTERS)


def _rows(text: str, label: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        yield from reader
    except csv.Error as error:
        raise ReferentielError(
            _("{file} is not a valid CSV file (line {line}).").format(
                file=label, line=reader.line_num
            )
        ) from error


_HEADER_SPACE = re.compile(r"\s+")


def parse(text: str, label: str, columns: Sequence[str]) -> list[tuple[str, ...]]:
    """The rows of ``text``, keeping ``columns`` in that order.

    Raises:
        ReferentielError: an empty file, or a column missing from its header.
    """
    rows = _rows(text, label)
    header = next(rows, None)
    if header is None:
        raise ReferentielError(_("{file} is empty.").format(file=label))
    names = [_HEADER_SPACE.sub("", name).lower() for name in header]
    indexes: list[int] = []
    for column in columns:
        if column not in names:
            raise ReferentielError(
                _("{file} has no column {column}.").format(file=label, column=column)
            )
        indexes.append(names.index(column))
    width = max(indexes) + 1
    out: list[tuple[str, ...]] = []
    for row in rows:
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))
        out.append(tuple(row[index].strip() for index in indexes))
    return out
