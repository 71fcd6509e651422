"""Leads and the occupation referential: what links a fiche to the ``pistes`` exercise.

Shared by the métier explorer and the skills-gap screen, without Textual: a fiche
chosen in the referential becomes a new lead (title, ROME code and Holland code
filled, the referential version kept), a lead finds its fiche again by its code,
and the person's Holland profile gives the default letters of the explorer and the
scores its suggestions are ranked with.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from bilan_tui.domain.answers import (
    POSITION,
    REFERENTIAL_VERSION,
    Entry,
    ExerciseAnswers,
    JSONValue,
)
from bilan_tui.domain.scoring.grid import entry_title
from bilan_tui.domain.skills_gap import GapState, count_state, marks_of
from bilan_tui.export.source import ExportSource
from bilan_tui.referentiel.model import FicheRef
from bilan_tui.services.profile import Profile

LEADS_ID = "pistes"
TITLE_FIELD = "metier"
CODE_FIELD = "code_rome"
HOLLAND_FIELD = "riasec"

Keys = list[tuple[str, str]]
"""(field id, entry id) pairs changed in memory, for the caller to save."""


def holland_code(ref: FicheRef) -> str:
    """The fiche's official Holland code as letters: major then minor (``"SE"``, ``"R"``)."""
    return (ref.riasec_major + ref.riasec_minor).strip().upper()


def normalise_code(text: str) -> str:
    """A ROME code as typed on a lead (``" k1207 "``) in its official form (``"K1207"``)."""
    return "".join(text.split()).upper()


def lead_code(values: Mapping[str, JSONValue]) -> str:
    """The ROME code written on a lead, normalised ("" when none)."""
    value = values.get(CODE_FIELD)
    return normalise_code(value) if isinstance(value, str) else ""


def find_lead(answers: ExerciseAnswers, code: str) -> str | None:
    """The first lead already linked to fiche ``code``, if any."""
    wanted = normalise_code(code)
    for entry in answers.entries():
        if lead_code(entry.values) == wanted:
            return entry.id
    return None


def add_lead(answers: ExerciseAnswers, ref: FicheRef, version: int) -> tuple[str, Keys]:
    """A new lead at the end of the list, filled from the fiche.

    Args:
        answers: The ``pistes`` answers, edited in place.
        ref: The chosen fiche.
        version: The referential version it was read from (kept on the lead).

    Returns:
        The new entry's id and every key to save.
    """
    entry_id = uuid.uuid4().hex
    order = [entry.id for entry in answers.entries()]
    keys: Keys = []
    for position, owner in enumerate([*order, entry_id]):
        if answers.get(POSITION, owner) != position:
            answers.set(POSITION, position, owner)
            keys.append((POSITION, owner))
    filled: dict[str, JSONValue] = {
        TITLE_FIELD: ref.title,
        CODE_FIELD: ref.code,
        HOLLAND_FIELD: holland_code(ref),
        REFERENTIAL_VERSION: version,
    }
    for field_id, value in filled.items():
        answers.set(field_id, value, entry_id)
        keys.append((field_id, entry_id))
    return entry_id, keys


def to_acquire(values: Mapping[str, JSONValue]) -> int:
    """How many items of a lead's fiche she marked "to acquire"."""
    return count_state(values, GapState.ACQUIRE)


def interest_scores(profile: Profile) -> dict[str, float]:
    """Her Holland scores by letter (0–100), only the dimensions answered."""
    part = profile.interests
    if part is None:
        return {}
    return {
        dim.dimension.letter.upper(): dim.score
        for dim in part.result.dimensions
        if dim.score is not None and len(dim.dimension.letter) == 1
    }


def own_letters(profile: Profile) -> str:
    """Her Holland code's letters (``"SIA"``), the explorer's default filter; "" if none."""
    part = profile.interests
    if part is None or not part.result.code:
        return ""
    letters = [dim.dimension.letter.upper() for dim in part.result.ranked[: part.exercise.top]]
    return "".join(letter for letter in letters if len(letter) == 1)


def inventory(profile: Profile) -> list[tuple[str, int]]:
    """The skills she rated in her competence grid, with their mastery (0–3), best first."""
    part = profile.skills
    if part is None:
        return []
    result = part.result
    rated = [*result.assets, *result.to_develop, *result.to_let_go, *result.neutral]
    rated.sort(key=lambda item: -item.mastery)
    return [(item.item.text, item.mastery) for item in rated]


def story_titles(profile: Profile, entries: list[Entry]) -> list[str]:
    """The titles of her achievement stories (the grid's source), in her order."""
    part = profile.skills
    source = part.source if part is not None else None
    titles = (entry_title(entry, source) for entry in entries)
    return [title for title in titles if title]


def with_referential_labels(source: ExportSource, data_dir: Path) -> ExportSource:
    """``source`` with the labels of the ROME items her skills-gap marks name.

    The workbook keeps only the items' codes (DESIGN §13): the labels are read
    from the imported referential, each fiche's items in the fiche's order, so
    the exports can name them. Without a referential (or with marks on items it
    no longer has), the exports show the codes.
    """
    marked: dict[str, set[str]] = {}
    for entry in source.entries(LEADS_ID):
        codes = set(marks_of(entry.values))
        if codes:
            marked.setdefault(lead_code(entry.values), set()).update(codes)
    if not marked:
        return source
    from bilan_tui.referentiel.reader import open_latest

    try:
        referential = open_latest(data_dir)
    except Exception:  # noqa: BLE001 - an unreadable referential: the codes stand in
        return source
    if referential is None:
        return source
    labels: dict[str, str] = {}
    try:
        for fiche_code, codes in marked.items():
            fiche = referential.fiche(fiche_code) if fiche_code else None
            for item in fiche.skills if fiche is not None else ():
                if item.code in codes and item.code not in labels:
                    labels[item.code] = item.label
        rest = {code for codes in marked.values() for code in codes} - set(labels)
        if rest:
            labels.update(referential.item_labels(sorted(rest)))
    finally:
        referential.close()
    return replace(source, referential_labels=labels)
