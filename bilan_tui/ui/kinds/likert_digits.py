"""Digit keys as real bindings, shown once in the footer as a range ("1–5 Answer").

A scale or a set of piles decides which digits mean something, and that is
only known from the pack. Textual reads bindings from the class, so a widget
that answers with digits gets a subclass per digit range, built once and
cached: every digit is a binding (so the footer, the help and the keymap know
it) and only the first is shown, labelled with the whole range.
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
    low: int, high: int, action: str, description: str, tooltip: str = ""
) -> list[Binding]:
    """One binding per digit calling ``action(digit)``; the first one is shown."""
    digits = digit_range(low, high)
    if not digits:
        return []
    shown = f"{digits[0]}–{digits[-1]}" if len(digits) > 1 else str(digits[0])
    return [
        Binding(
            str(digit),
            f"{action}({digit})",
            description,
            show=index == 0,
            key_display=shown,
            tooltip=tooltip,
            id=f"digits.{action}-{digit}",
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
