"""Typed, checked access to one TOML table, with typo protection.

Each ``TableReader`` remembers which keys were asked for; whatever the author
wrote that nobody asked for is a typo (``lable``) or a key that belongs to
another kind of exercise, and ``finish`` reports it. Every getter reports a
missing or wrongly typed value and returns a harmless default, so that one
mistake does not hide the next.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _

from .locate import Where
from .names import invalid_id_message, is_valid_id
from .source import FileReport
from .words import noun as noun_words
from .words import type_name, with_article


class TableReader:
    """Reads the keys of one table and reports what is wrong with them.

    Args:
        data: The table.
        where: Its path in the document, to find lines.
        report: Where problems go.
        context: How messages name this table (``field 'motif'``); empty for
            the document itself.
    """

    def __init__(
        self, data: Mapping[str, Any], where: Where, report: FileReport, context: str = ""
    ) -> None:
        self.data = data
        self.where = where
        self.report = report
        self.context = context
        self._asked: set[str] = set()

    def problem(self, message: str, key: str | None = None) -> None:
        """Report a problem about this table, or about one of its keys."""
        where = (*self.where, key) if key is not None else self.where
        if self.context:
            message = _("{context}: {message}").format(context=self.context, message=message)
        self.report.at(where, message)

    def _take(self, key: str, required: bool) -> object:
        self._asked.add(key)
        value = self.data.get(key)
        if value is None and required:
            self.problem(_("missing required key {key}").format(key=repr(key)))
        return value

    def _wrong_type(self, key: str, expected: str, value: object) -> None:
        """``expected`` is already in the person's language ("a string")."""
        self.problem(
            _("{key} must be {expected}, not {found}").format(
                key=repr(key), expected=expected, found=type_name(value)
            ),
            key,
        )

    def _string(self, key: str, required: bool, clean: bool) -> str:
        value = self._take(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self._wrong_type(key, _("a string"), value)
            return ""
        if clean:
            value = clean_text(value).strip()
        if required and not value:
            self.problem(_("{key} must not be empty").format(key=repr(key)), key)
        return value

    def text(self, key: str, *, required: bool = False) -> str:
        """A string, cleaned of control characters and trimmed."""
        return self._string(key, required, clean=True)

    def word(self, key: str, *, required: bool = False) -> str:
        """A keyword (a kind, a type, a language), checked as written: not cleaned."""
        return self._string(key, required, clean=False)

    def ident(self, key: str = "id", *, required: bool = True) -> str:
        """An id; an invalid one is reported but returned, to avoid knock-on errors."""
        value = self._take(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self._wrong_type(key, _("a string"), value)
            return ""
        if not is_valid_id(value):
            self.problem(invalid_id_message(value), key)
        return value

    def integer(
        self, key: str, *, required: bool = False, low: int | None = None, high: int | None = None
    ) -> int | None:
        """An integer, optionally within ``low``..``high``."""
        value = self._take(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong_type(key, _("an integer"), value)
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            if high is None:
                message = _("{key} must be at least {low}, not {value}")
            else:
                message = _("{key} must be between {low} and {high}, not {value}")
            self.problem(message.format(key=repr(key), low=low, high=high, value=value), key)
            return None
        return value

    def boolean(self, key: str) -> bool:
        """A boolean, false when absent."""
        value = self._take(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._wrong_type(key, _("true or false"), value)
            return False
        return value

    def strings(self, key: str, *, required: bool = False) -> list[str]:
        """A list of strings, uncleaned (ids); non-strings are reported and dropped."""
        value = self._take(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self._wrong_type(key, _("a list of strings"), value)
            return []
        if required and not value:
            self.problem(_("{key} must not be empty").format(key=repr(key)), key)
        return list(value)

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of display strings, each cleaned and trimmed."""
        return tuple(clean_text(item).strip() for item in self.strings(key))

    def tables(
        self, key: str, noun: str, *, required: bool = False, most: int | None = None
    ) -> list[TableReader]:
        """The entries of an array of tables, each with its own reader.

        Args:
            key: The array's key (``fields``).
            noun: How one entry is named in messages (``field``).
            required: Whether the array must be present and not empty.
            most: How many entries are allowed (``packs.limits``); beyond it the
                array is reported and none of its entries is read.
        """
        value = self._take(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
            self._wrong_type(key, _("a list of tables"), value)
            return []
        if most is not None and len(value) > most:
            self.too_many(key, len(value), most)
            return []
        if required and not value:
            self.problem(_("{key} must not be empty").format(key=repr(key)), key)
        readers = []
        for index, entry in enumerate(value):
            ident = entry.get("id")
            name = repr(ident) if isinstance(ident, str) and ident else f"#{index + 1}"
            named = _("{noun} {name}").format(noun=noun_words(noun), name=name)
            context = f"{self.context}, {named}" if self.context else named
            readers.append(TableReader(entry, (*self.where, key, index), self.report, context))
        return readers

    def too_many(self, key: str, count: int, most: int) -> None:
        """Report that ``key`` holds ``count`` entries where ``most`` are allowed."""
        self.problem(
            _("{key} has {count} entries; at most {most} are allowed").format(
                key=repr(key), count=count, most=most
            ),
            key,
        )

    def table(self, key: str, noun: str, *, required: bool = False) -> TableReader | None:
        """A sub-table (``[scale]`` or ``source = { ... }``) with its own reader."""
        value = self._take(key, required)
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self._wrong_type(key, _("a table"), value)
            return None
        named = noun_words(noun)
        context = f"{self.context}, {named}" if self.context else named
        return TableReader(value, (*self.where, key), self.report, context)

    def finish(self, owner: str, elsewhere: Collection[str] = ()) -> None:
        """Report every key nobody asked for.

        Args:
            owner: What this table is, for "does not apply to ..." messages:
                a noun id of ``bilan_tui.packs.words`` ("scale") or a phrase
                already in the person's language.
            elsewhere: Keys that are valid in other kinds of the same table.
        """
        for key in self.data:
            if key in self._asked:
                continue
            if self.report.full:  # counted only: no need for a suggestion
                self.report.problems.more += 1
                continue
            if key in elsewhere:
                self.problem(
                    _("key {key} does not apply to {owner}").format(
                        key=repr(key), owner=with_article(owner)
                    ),
                    key,
                )
                continue
            close = difflib.get_close_matches(key, sorted(self._asked), n=1, cutoff=0.7)
            if close:
                message = _("unknown key {key} (did you mean {close}?)")
            else:
                message = _("unknown key {key}")
            self.problem(message.format(key=repr(key), close=repr(close[0]) if close else ""), key)


def check_unique(readers: Sequence[TableReader], ids: Sequence[str], noun: str) -> None:
    """Report the second and later uses of an id among sibling entries."""
    seen: set[str] = set()
    for reader, ident in zip(readers, ids, strict=True):
        if not ident:
            continue
        if ident in seen:
            reader.report.at(
                (*reader.where, "id"),
                _("duplicate {noun} id {id}").format(noun=noun_words(noun), id=repr(ident)),
            )
        seen.add(ident)
