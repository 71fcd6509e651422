"""Find the line where a TOML value was written.

``tomllib`` reports lines for syntax errors only; a semantic problem (unknown
key, duplicate id) needs its line found again in the raw text. The ``Locator``
walks a path such as ``("fields", 2, "label")`` through the text: a table
header ``[[fields]]`` narrows the search to that table, an inline array is
searched for the entry's ``id = "..."``, and the last key is searched as
``label =``. It is a heuristic by design; when it finds nothing it falls back
to the nearest enclosing table, then to the first line of the document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

Where: TypeAlias = tuple[str | int, ...]
"""A path into a parsed TOML document: keys and list indices."""

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(?:#.*)?$")


@dataclass(frozen=True, slots=True)
class _Region:
    """Lines ``start`` to ``end`` (exclusive) belonging to the table ``name``."""

    start: int
    end: int
    name: str
    inline: bool


def _normalise(name: str) -> str:
    """``"a" . b`` -> ``a.b``: header names compared without quotes or spaces."""
    return ".".join(part.strip().strip("\"'") for part in name.split("."))


def _key_pattern(key: str, anywhere: bool) -> re.Pattern[str]:
    """A pattern for ``key =`` (bare or quoted) at line start or anywhere."""
    quoted = re.escape(key)
    body = rf"(?:{quoted}|\"{quoted}\"|'{quoted}')\s*="
    if anywhere:
        return re.compile(r"(?:^|[\s{,])" + body)
    return re.compile(r"^\s*" + body)


def _string_pattern(value: str) -> re.Pattern[str]:
    """A pattern for ``"value"`` or ``'value'`` as written in TOML."""
    quoted = re.escape(value)
    return re.compile(rf"\"{quoted}\"|'{quoted}'")


class Locator:
    """Maps paths in one TOML document back to its lines.

    Args:
        text: The TOML text exactly as parsed.
        first_line: The file line number of the text's first line (front
            matter starts after the ``+++`` line).
        data: The parsed document, used to find inline entries by their id.
    """

    def __init__(self, text: str, first_line: int, data: Mapping[str, object]) -> None:
        self._text = text
        self._first = first_line
        self._data = data
        self._lines: list[str] = []
        self._headers: list[tuple[int, str, bool]] = []
        self._indexed = False

    def _index(self) -> None:
        """Split lines and find table headers, once, on the first question.

        Most files have no problem: indexing only when asked keeps loading fast.
        """
        if self._indexed:
            return
        self._indexed = True
        self._lines = self._text.split("\n")
        for index, line in enumerate(self._lines):
            match = _HEADER.match(line)
            if match:
                self._headers.append((index, _normalise(match[2]), match[1] == "[["))

    @property
    def first_line(self) -> int:
        """The file line of the document's first line."""
        return self._first

    def line(self, where: Where) -> int:
        """The file line of the key, table or entry at ``where``."""
        self._index()
        return self._first + self._walk(where)[1]

    def value_line(self, where: Where, value: str, occurrence: int = 0) -> int:
        """The line of the string ``value`` inside the value at ``where``.

        Args:
            where: Path to a key holding a list of strings.
            value: The string to find.
            occurrence: Which match to take (0 = first) when it repeats.
        """
        self._index()
        region, anchor = self._walk(where)
        pattern = _string_pattern(value)
        seen = 0
        for index in range(anchor, region.end):
            for _ in pattern.finditer(self._lines[index]):
                if seen == occurrence:
                    return self._first + index
                seen += 1
        return self._first + anchor

    def _walk(self, where: Where) -> tuple[_Region, int]:
        """Narrow the search along ``where``; return the region and best line."""
        region = _Region(0, len(self._lines), "", inline=False)
        anchor = 0
        node: object = self._data
        step = 0
        while step < len(where):
            key = where[step]
            if not isinstance(key, str):
                break
            child = node.get(key) if isinstance(node, Mapping) else None
            index = where[step + 1] if step + 1 < len(where) else None
            if isinstance(index, int):
                found = None if region.inline else self._header(region, key, index)
                if found is None:
                    key_line = self._key_line(region, key)
                    if key_line is None:
                        return region, anchor
                    anchor = key_line
                    region = _Region(key_line, region.end, region.name, inline=True)
                    entries = child if isinstance(child, list) else []
                    entry_line = self._entry_line(region, entries, index)
                    if entry_line is not None:
                        anchor = entry_line
                        region = _Region(entry_line, region.end, region.name, inline=True)
                else:
                    region, anchor = found, found.start
                node = child[index] if isinstance(child, list) and index < len(child) else None
                step += 2
                continue
            found = None if region.inline else self._header(region, key, None)
            key_line = self._key_line(region, key)
            if key_line is not None:
                anchor = key_line
                region = _Region(key_line, region.end, region.name, inline=True)
            elif found is not None:
                region, anchor = found, found.start
            elif step + 1 < len(where):
                return region, anchor
            node = child
            step += 1
        return region, anchor

    def _header(self, region: _Region, key: str, index: int | None) -> _Region | None:
        """The region of ``[region.key]`` or of the ``index``-th ``[[region.key]]``."""
        name = f"{region.name}.{key}" if region.name else key
        wanted_array = index is not None
        matches = [
            line
            for line, header, is_array in self._headers
            if region.start < line < region.end or (line == region.start == 0)
            if header == name and is_array == wanted_array
        ]
        position = index or 0
        if position >= len(matches):
            return None
        start = matches[position]
        end = region.end
        for line, header, _ in self._headers:
            if start < line < end and (header == name or not header.startswith(name + ".")):
                end = line
                break
        return _Region(start, end, name, inline=False)

    def _key_line(self, region: _Region, key: str) -> int | None:
        """The first line of ``key =`` that belongs to ``region`` itself."""
        if region.inline:
            pattern = _key_pattern(key, anywhere=True)
            stop = region.end
        else:
            pattern = _key_pattern(key, anywhere=False)
            stop = next(
                (line for line, _, _ in self._headers if region.start < line < region.end),
                region.end,
            )
            if region.start == 0 and self._headers and self._headers[0][0] == 0:
                stop = 0
        start = region.start
        for index in range(start, stop):
            if pattern.search(self._lines[index]):
                return index
        return None

    def _entry_line(self, region: _Region, entries: Sequence[object], index: int) -> int | None:
        """The line of an inline table entry, found by its ``id`` value."""
        if index >= len(entries):
            return None
        entry = entries[index]
        if not isinstance(entry, Mapping):
            return None
        ident = entry.get("id")
        if not isinstance(ident, str):
            return None
        occurrence = sum(
            1
            for earlier in entries[:index]
            if isinstance(earlier, Mapping) and earlier.get("id") == ident
        )
        pattern = re.compile(
            r"(?:^|[\s{,])(?:id|\"id\"|'id')\s*=\s*(?:" + _string_pattern(ident).pattern + ")"
        )
        seen = 0
        for line in range(region.start, region.end):
            for _ in pattern.finditer(self._lines[line]):
                if seen == occurrence:
                    return line
                seen += 1
        return None
