"""The shipped pack's phases and titles for the dashboard's first frame, without parsing.

Even the quick outline (``outline.py``) costs the first frame about ten
milliseconds: importing ``tomllib`` and reading 23 files. The shipped pack only
changes with a release, so its outline is written ahead of time into
``shipped_outline.py`` by ``python tools/outline.py``; a test fails when the
two disagree. The full pack replaces this stand-in as soon as the workbook is
open (DESIGN §12).
"""

from __future__ import annotations

from bilan_tui.domain.model import Exercise, Kind, Pack, Phase

from .shipped import shipped_pack_root
from .shipped_outline import OUTLINES

OutlineRow = tuple[str, str, str, int, str]
"""One exercise: id, title, kind, estimated minutes, summary."""
PhaseRows = tuple[str, tuple[OutlineRow, ...]]
"""A phase id and its exercises, in order."""
PackRows = tuple[str, str, str, tuple[PhaseRows, ...]]
"""The pack's id, language, title and phases."""


def pack_from_rows(rows: PackRows, root: str) -> Pack:
    """A stand-in ``Pack`` with these phases and titles (no fields, no items).

    An unknown kind stands as a form, as in ``outline.outline_pack``.
    """
    pack_id, language, title, phases = rows
    kinds = {kind.value: kind for kind in Kind}
    return Pack(
        id=pack_id,
        version="",
        language=language,
        title=title,
        phases=tuple(
            Phase(
                phase_id,
                tuple(
                    Exercise(
                        id=ident,
                        title=exercise_title,
                        kind=kinds.get(kind, Kind.FORM),
                        phase=phase_id,
                        summary=summary,
                        minutes=minutes,
                        pack_id=pack_id,
                    )
                    for ident, exercise_title, kind, minutes, summary in exercises
                ),
            )
            for phase_id, exercises in phases
            if exercises
        ),
        root=root,
    )


def shipped_preview(language: str) -> Pack:
    """The stand-in of the shipped pack in ``language``, from the outline written ahead.

    Raises:
        UnknownLanguageError: if no pack ships in that language.
    """
    root = shipped_pack_root(language)
    return pack_from_rows(OUTLINES[language], str(root))
