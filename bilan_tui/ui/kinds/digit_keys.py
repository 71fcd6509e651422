"""Digit keys as real bindings, one row in the footer and the help ("1–5 Answer").

Every widget that answers with digits (a Likert scale, a card sort's piles,
the skills grid's ratings, the decision matrix's cells) builds its digit keys
here, so they all read the same: every digit is a binding (so the footer, the
help and the keymap know it), all share one description and show the whole
range as their key, and the help merges them into a single row.

Where the range is fixed (the grid rates 0–3, the matrix 1–5) the class lists
:func:`digit_bindings` in its ``BINDINGS``. Where only the pack knows it (a
scale, a number of piles), Textual still reads bindings from the class, so
:func:`with_digits` builds a subclass per digit range, once, and caches it.
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar, cast

from textual.binding import Binding
from textual.widget import Widget

W = TypeVar("W", bound=Widget)


def digit_range(low: int, high: int) -> list[int]:
    """The single digits between ``low`` and ``high`` (keys stop at 9)."""
    return list(range(max(low, 0), min(high, 9) + 1))


def digit_bindings(
    low: int,
    high: int,
    action: str,
    description: str,
    tooltip: str = "",
    *,
    id_prefix: str = "digits",
    show: bool = True,
) -> list[Binding]:
    """One binding per digit calling ``action(digit)``.

    Args:
        low: The first digit (clamped to 0).
        high: The last digit (clamped to 9: keys stop there).
        action: The action each digit calls, with the digit as its argument.
        description: What the keys do, shared by all of them (marked with
            ``N_`` where the list is built at import: it is translated where
            shown).
        tooltip: The longer explanation the help shows.
        id_prefix: The bindings' ids are ``<id_prefix>.<action>-<digit>``; a
            widget passes its own name so its ids stay its own (and stable,
            for a keymap that remaps them).
        show: Whether the first digit appears in the footer (with the whole
            range as its key); the others never do.
    """
    digits = digit_range(low, high)
    if not digits:
        return []
    shown = f"{digits[0]}–{digits[-1]}" if len(digits) > 1 else str(digits[0])
    return [
        Binding(
            str(digit),
            f"{action}({digit})",
            description,
            show=show and index == 0,
            key_display=shown,
            tooltip=tooltip,
            id=f"{id_prefix}.{action}-{digit}",
        )
        for index, digit in enumerate(digits)
    ]


@cache
def with_digits(
    base: type[W], low: int, high: int, action: str, description: str, tooltip: str = ""
) -> type[W]:
    """``base`` with digit bindings for ``low``..``high`` added (same class name)."""
    bindings = digit_bindings(low, high, action, description, tooltip)
    namespace = {"BINDINGS": bindings, "__module__": base.__module__, "__doc__": base.__doc__}
    return cast("type[W]", type(base.__name__, (base,), namespace))
