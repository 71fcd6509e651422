"""Read an :class:`ExportSource` from an open session: the one door from a workbook to an export.

It lives among the services because it needs the session and the store,
while ``export`` renders from the domain only (DESIGN §2): the faces call
:func:`collect`, then hand the snapshot to ``export``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan_tui.export.source import ExportSource, group_answers

if TYPE_CHECKING:
    from bilan_tui.services.session import WorkbookSession


def collect(session: WorkbookSession) -> ExportSource:
    """Read what an export needs from an open session, in a handful of queries."""
    from bilan_tui.services.person import person_name

    workbook = session.workbook
    pack = session.pack
    every = workbook.all_answers()
    info = workbook.info()
    installed = {exercise.pack_id for exercise in pack.exercises if exercise.listed_as}
    known = installed | {pack.id}
    return ExportSource(
        pack=pack,
        language=pack.language if pack.language in ("fr", "en") else info.language,
        name=person_name(session),
        workbook_name=info.name,
        created_at=info.created_at,
        answers=group_answers(pack.id, every, installed),
        statuses=session.statuses(),
        ledger=tuple(workbook.ledger()),
        consents=tuple(workbook.consents()),
        homework=tuple(workbook.homework()),
        journal=tuple(workbook.session_notes()),
        other_answers=tuple(answer for answer in every if answer.key.pack_id not in known),
    )
