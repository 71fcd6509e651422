"""A place in a ranking as each language writes it: "3e" / "3rd", "1re" / "1st"."""

from __future__ import annotations


def ordinal(number: int, language: str) -> str:
    """``number`` as an ordinal in ``language`` (``fr`` or ``en``)."""
    if language == "fr":
        return "1re" if number == 1 else f"{number}e"
    last = number % 10 if number % 100 not in (11, 12, 13) else 0
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(last, 'th') }"
