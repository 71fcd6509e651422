"""A lead's skills gap: her marks on the core items of the occupation fiche it is linked to.

The marks live on the lead itself (an entry of the ``pistes`` records exercise), one
value per item at field ``gap:<official item code>``: so deleting a lead takes its
marks with it and undoing brings them back. Only the item's code and her own words
are stored, never the referential's label (DESIGN §13): exports look the label up
again, or show the code when the referential is not there. The version of the
referential the marks were made with sits beside them (``rome:version``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .answers import REFERENTIAL_VERSION, JSONValue
from .keys import GAP_KEYS


class GapState(StrEnum):
    """What she says of one item of the fiche."""

    HAVE = "je-l-ai"
    """She has it, and says what proves it."""
    ACQUIRE = "a-acquerir"
    """She still has to acquire it, and may say how."""
    NOT_FOR_ME = "pas-pour-moi"
    """It does not concern her (a specialisation she would not take, say)."""


STATE_FIELD = "etat"
NOTE_FIELD = "note"


@dataclass(frozen=True, slots=True)
class GapMark:
    """One mark: the item's official code, her answer and her words.

    Attributes:
        code: The official item code (``code_ogr``).
        state: Have, to acquire, not for me.
        note: Her evidence (have) or how she means to acquire it (to acquire).
    """

    code: str
    state: GapState
    note: str = ""


def gap_key(code: str) -> str:
    """The field id a mark on item ``code`` is stored at."""
    return GAP_KEYS.key(code)


def mark_value(state: GapState, note: str = "") -> JSONValue:
    """What is stored for one mark."""
    return {STATE_FIELD: state.value, NOTE_FIELD: note}


def read_mark(field_id: str, value: JSONValue) -> GapMark | None:
    """The mark stored at ``field_id``, or ``None`` (not a mark, cleared, or unreadable)."""
    code = GAP_KEYS.name(field_id)
    if code is None or not isinstance(value, dict):
        return None
    try:
        state = GapState(str(value.get(STATE_FIELD)))
    except ValueError:
        return None
    note = value.get(NOTE_FIELD)
    return GapMark(code, state, note if isinstance(note, str) else "")


def marks_of(values: Mapping[str, JSONValue]) -> dict[str, GapMark]:
    """Every mark of one lead, by item code, in code order."""
    found = (read_mark(field_id, value) for field_id, value in values.items())
    return {mark.code: mark for mark in sorted((m for m in found if m), key=lambda m: m.code)}


def count_state(values: Mapping[str, JSONValue], state: GapState) -> int:
    """How many items of one lead carry ``state``."""
    return sum(1 for mark in marks_of(values).values() if mark.state is state)


def referential_version(values: Mapping[str, JSONValue]) -> int | None:
    """The referential version a lead's fiche and marks came from, if stored."""
    value = values.get(REFERENTIAL_VERSION)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None
