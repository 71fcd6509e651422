"""Who the workbook belongs to: her name, her consultant, and where her exports go.

The welcome screen and the palette's "My name and my consultant" write here;
the dashboard's title and every document read it. Her name is a setting
(``display_name``, which the demo sets to "Nadia F."); the consultant and the
organisation are answers of ``modalites``, so the exercise, the welcome
screen and the exports share one truth. Nothing here imports Textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.services.dashboard_data import PLAN_EXERCISE
from bilan_tui.store.setting_keys import DISPLAY_NAME, EXPORT_FOLDER, WELCOMED

if TYPE_CHECKING:
    from bilan_tui.services.session import WorkbookSession

ARRANGEMENT_FIELDS = ("consultant", "organisme")
"""The fields of ``modalites`` the welcome screen fills in too."""


def person_name(session: WorkbookSession) -> str:
    """Her name as she gave it; ``""`` if she gave none (never the file's name)."""
    return (session.workbook.get_setting(DISPLAY_NAME) or "").strip()


def set_person_name(session: WorkbookSession, name: str) -> None:
    """Store her name as she wants it on her documents (blank: none)."""
    session.workbook.set_setting(DISPLAY_NAME, name.strip() or None)


def welcome_due(session: WorkbookSession) -> bool:
    """Whether the welcome screen should greet her: no name, never shown."""
    return not person_name(session) and session.workbook.get_setting(WELCOMED) is None


def mark_welcomed(session: WorkbookSession) -> None:
    """The welcome screen was shown: a skipped welcome is not asked again."""
    session.workbook.set_setting(WELCOMED, "1")


def arrangement(session: WorkbookSession) -> tuple[str, str]:
    """Her consultant and the organisation, as ``modalites`` stores them."""
    answers = session.workbook.exercise_answers(session.pack.id, PLAN_EXERCISE)
    consultant, organisme = (answers.get(field) for field in ARRANGEMENT_FIELDS)
    return (
        consultant if isinstance(consultant, str) else "",
        organisme if isinstance(organisme, str) else "",
    )


def set_arrangement(session: WorkbookSession, consultant: str, organisme: str) -> None:
    """Store what changed in ``modalites``; an untouched field is not written."""
    changed = [
        Answer(AnswerKey(session.pack.id, PLAN_EXERCISE, field, ""), value.strip())
        for field, value, before in zip(
            ARRANGEMENT_FIELDS, (consultant, organisme), arrangement(session), strict=True
        )
        if value.strip() != before
    ]
    if changed:
        session.save_answers(changed)


def export_folder(session: WorkbookSession) -> Path | None:
    """The folder of the last export from this workbook, if it still exists."""
    text = session.workbook.get_setting(EXPORT_FOLDER)
    if not text:
        return None
    folder = Path(text)
    return folder if folder.is_dir() else None


def remember_export_folder(session: WorkbookSession, written: Path) -> None:
    """Keep the folder ``written`` went to: the next export starts there.

    A convenience only: a workbook on read-only media (or a full disk) still
    exports, it just does not remember the folder.
    """
    from bilan_tui.store.errors import WorkbookIOError

    folder = str(written.resolve().parent)
    try:
        if session.workbook.get_setting(EXPORT_FOLDER) == folder:
            return  # known already: no write, so no backup of an unchanged workbook on closing
        session.workbook.set_setting(EXPORT_FOLDER, folder)
    except WorkbookIOError:
        return
