"""Decoding and parsing one official CSV file, with its header checked.

The official files are UTF-8, comma separated, every field quoted. A required
file that is not UTF-8 is refused: guessing its encoding could store mojibake
in every label. An optional file falls back to Windows-1252 (one of the
official files really is, whatever its name says) and the report says so.
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
    try:
        return data.decode("cp1252"), _("read as Windows-1252: it is not UTF-8")
    except UnicodeDecodeError:
        raise ReferentielError(
            _("{file} is neither UTF-8 nor Windows-1252 text.").format(file=label)
        ) from None


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
