"""The documents' own words, in French and in English, and how they write figures.

The synthesis is judged on its French: its headings and sentences are written
here as a consultant would write them, chosen by the workbook's language,
rather than translated from English through the interface's catalog.
Dates, numbers, durations and quotation marks follow each language's usage.
"""

from __future__ import annotations

import datetime
import re

from bilan_tui.domain.dates import long_date
from bilan_tui.domain.ledger import format_duration

from .phrases_en import EN
from .phrases_fr import FR

_TABLES = {"fr": FR, "en": EN}


_OPENING = ("«", "“", '"', "‘")
_CLOSING = ("»", "”", '"', "’")
_VOWELS = set("aeiouyàâäéèêëîïôöùûüœæ")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NBSP = "\u00a0"


class Wording:
    """The phrases and formats of one language (``fr``; anything else is English)."""

    def __init__(self, language: str) -> None:
        self.language = "fr" if language.casefold().startswith("fr") else "en"
        self._table = _TABLES[self.language]

    def __call__(self, key: str, **params: object) -> str:
        """The phrase ``key``, with ``params`` put in.

        Numbers are written the language's way. A key with ``_one`` and
        ``_other`` forms picks one from ``count`` (French treats 0 as singular).

        Raises:
            KeyError: an unknown key (a test checks both tables hold the same keys).
        """
        phrase = self._table.get(key)
        if phrase is None:
            count = params.get("count")
            if not isinstance(count, (int, float)):
                raise KeyError(key)
            singular = count <= 1 if self.language == "fr" else count == 1
            phrase = self._table[f"{key}_one" if singular else f"{key}_other"]
        if not params:
            return phrase
        shown = {
            name: self.number(value)
            if isinstance(value, (int, float)) and not isinstance(value, bool)
            else value
            for name, value in params.items()
        }
        return phrase.format(**shown)

    def date(self, day: datetime.date) -> str:
        """``12 mars 2025`` / ``12 March 2025``; the 1st is ``1er`` in French."""
        return long_date(day, self.language)

    def date_text(self, value: object) -> str | None:
        """A stored ISO date written out; other text is returned as it is."""
        if not isinstance(value, str):
            return None
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                return self.date(datetime.date.fromisoformat(text))
            except ValueError:
                return text
        return text or None

    def number(self, value: float) -> str:
        """``12 500`` / ``12,500``; decimals with a comma in French."""
        if isinstance(value, float) and not value.is_integer():
            text = f"{value:,.2f}".rstrip("0").rstrip(".")
        else:
            text = f"{int(value):,}"
        if self.language == "fr":
            text = text.replace(",", NBSP).replace(".", ",")
        return text

    def duration(self, minutes: int) -> str:
        """``9 h 30`` / ``9h 30m``."""
        return format_duration(minutes, self.language)

    def hours(self, hours: float) -> str:
        """A planned number of hours: ``4 h`` / ``4h``."""
        return self.duration(round(hours * 60))

    def score(self, value: float) -> str:
        """A 0–100 score, rounded: ``82/100``."""
        return f"{round(value)}/100"

    def quote(self, text: str) -> str:
        """The person's words in quotation marks: « … » / “…” (unless already quoted)."""
        if text[:1] in _OPENING and text[-1:] in _CLOSING:
            return text
        if self.language == "fr":
            return f"«{NBSP}{text}{NBSP}»"
        return f"\u201c{text}\u201d"

    def join(self, items: list[str]) -> str:
        """``a, b et c`` / ``a, b and c``; with semicolons when an item has a comma."""
        if len(items) <= 1:
            return "".join(items)
        separator = self("and_then") if any("," in item for item in items) else ", "
        return separator.join(items[:-1]) + self("and_last") + items[-1]

    def of(self, name: str) -> str:
        """``d'Isabelle`` / ``de Karim`` in French (elided before a vowel); the name in English."""
        if self.language != "fr":
            return name
        if name[:1].casefold() in _VOWELS:
            return f"d'{name}"
        return f"de {name}"

    def colon(self) -> str:
        """The label separator: `` : `` with a non-breaking space in French."""
        return f"{NBSP}: " if self.language == "fr" else ": "


def upper_first(text: str) -> str:
    """``pédagogie`` → ``Pédagogie``, for a tag shown as a title."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """``De moi-même`` → ``de moi-même`` after a colon; ``CPF`` and ``I`` stay as they are."""
    if text.startswith("A "):
        return "a" + text[1:]
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
