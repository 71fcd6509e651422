"""Numbers as people type them: ``1 700``, ``1 700,50``, ``1700 €``, ``1.5``.

One rule for every place a typed number becomes data (a form's number and
year fields, whatever reads a number later). A text is either read whole or
refused whole: a number is never taken from the start of what was typed
(issue 20: ``1 700`` once saved ``1``).

Accepted:

- digits, optionally grouped by thousands with a space, a no-break space or a
  narrow no-break space (``1 700``, ``1 700 000``), or with ``.`` or ``,`` when
  the other one marks the decimals (``1.700,50``, ``1,700.50``);
- a decimal part after ``,`` or ``.`` (``1,5``, ``1.5``);
- a sign (``-``, ``−``, ``+``) and a euro sign or word (``1 700 €``,
  ``€1700``, ``1700 euros``).

Refused: anything else, including ``1,700`` and ``1.700`` alone, which read
as 1.7 in French and as 1700 in English: the person is asked to write
``1 700`` or ``1,7`` rather than have one of them chosen for her.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

MAX_DIGITS = 15
"""Significant digits a number may have: a float holds them exactly."""

SPACES = " \u00a0\u202f\u2009"
"""Thousands separators that are spaces: plain, no-break, narrow no-break, thin."""

_SIGNS = "-+\u2212"
_EURO_AFTER = re.compile(rf"[{SPACES}]*(?:€|eur|euros?)$", re.IGNORECASE)
_BODY = re.compile(rf"[0-9][0-9.,{SPACES}]*")


class NumberProblem(StrEnum):
    """Why a typed text is not a number (the UI words each one)."""

    INVALID = "number.invalid"
    AMBIGUOUS = "number.ambiguous"
    TOO_LONG = "number.too_long"


class NumberError(ValueError):
    """A typed text that cannot be read as a number, whole.

    Attributes:
        problem: Which rule the text breaks.
    """

    def __init__(self, problem: NumberProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def _strip_euro_and_sign(text: str) -> tuple[bool, str]:
    """Whether the number is negative, and its digits and separators alone."""
    text = _EURO_AFTER.sub("", text.strip(), count=1)
    negative = False
    if text[:1] in tuple(_SIGNS):
        negative = text[0] != "+"
        text = text[1:].lstrip(SPACES)
    if text.startswith("€"):
        text = text[1:].lstrip(SPACES)
    if not negative and text[:1] in tuple(_SIGNS):  # "€ -5", "€-5"
        negative = text[0] != "+"
        text = text[1:].lstrip(SPACES)
    return negative, text


def _decimal_mark(body: str) -> str | None:
    """Which of ``,`` and ``.`` marks the decimals in ``body``, if any.

    Raises:
        NumberError: ``AMBIGUOUS`` for ``1,700`` or ``1.700`` alone.
    """
    marks = [char for char in body if char in ".,"]
    if not marks:
        return None
    last = marks[-1]
    if len(set(marks)) == 2 or any(char in SPACES for char in body):
        return last  # "1.700,50", "1 700,5": the other separators group thousands
    if len(marks) > 1:
        return None  # "1.700.000": grouping only
    before, after = body.split(last)
    if len(after) == 3 and len(before) <= 3 and not before.startswith("0"):
        raise NumberError(NumberProblem.AMBIGUOUS)
    return last


def _whole_digits(integer: str) -> str:
    """The digits of an integer part, its thousands separators checked and removed.

    Raises:
        NumberError: groups that are not of three digits (``1 7``, ``17 00``).
    """
    separators = {char for char in integer if not char.isdigit()}
    if not separators:
        return integer
    if not separators <= set(SPACES) and len(separators) > 1:
        raise NumberError(NumberProblem.INVALID)
    groups = re.split(f"[{re.escape(''.join(separators))}]", integer)
    first, rest = groups[0], groups[1:]
    if not 1 <= len(first) <= 3 or any(len(group) != 3 for group in rest):
        raise NumberError(NumberProblem.INVALID)
    return "".join(groups)


def parse_decimal(text: str) -> Decimal:
    """The exact number written in ``text``, which must hold nothing else.

    Raises:
        NumberError: the text is empty, holds anything but one number, is
            ambiguous (``1,700``), or has more than :data:`MAX_DIGITS` digits.
    """
    negative, body = _strip_euro_and_sign(text)
    if not _BODY.fullmatch(body) or not body[-1].isdigit():
        raise NumberError(NumberProblem.INVALID)
    mark = _decimal_mark(body)
    integer, fraction = body.rsplit(mark, 1) if mark else (body, "")
    if not fraction.isdigit() and mark:
        raise NumberError(NumberProblem.INVALID)
    digits = _whole_digits(integer)
    if len(digits.lstrip("0")) + len(fraction) > MAX_DIGITS:
        raise NumberError(NumberProblem.TOO_LONG)
    value = Decimal(digits + ("." + fraction if fraction else ""))
    return -value if negative and value else value


def parse_number(text: str) -> int | float:
    """The number written in ``text``: an ``int`` when it is whole, else a ``float``.

    ``1 700,00`` gives ``1700``; ``1 700,50`` gives ``1700.5``.

    Raises:
        NumberError: see :func:`parse_decimal`.
    """
    value = parse_decimal(text)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_year(text: str) -> int:
    """A year written in ``text``: one to four digits, nothing else (``2015``).

    Raises:
        NumberError: ``INVALID`` for anything else (``2 015``, ``2015,5``, ``'15``).
    """
    body = text.strip()
    if not (body.isascii() and body.isdigit() and len(body) <= 4):
        raise NumberError(NumberProblem.INVALID)
    return int(body)


def format_number(value: int | float, language: str) -> str:
    """A number as the person writes it, and as :func:`parse_number` reads it back.

    French groups thousands with a narrow no-break space and marks decimals
    with a comma (``50 000``, ``1,5``); English writes plain digits and a
    point (``50000``, ``1.5``): its usual ``50,000`` would read as ambiguous.
    """
    text = f"{value:f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    if language != "fr":
        return text
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    grouped = "\u202f".join([whole, *groups])
    return sign + grouped + ("," + fraction if fraction else "")
