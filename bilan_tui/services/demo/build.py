"""Writing the demo workbook: replace the file named ``demo``, then fill it in one go.

Only the workbook called ``demo`` is ever removed, with the files SQLite keeps
beside it (``-wal``, ``-shm``, ``-journal``); its backups and every other
workbook stay. The demo's content is built before anything is deleted, and
written in a single transaction, so a failure leaves no half-filled demo.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.model import Pack
from bilan_tui.store.files import make_private_dir
from bilan_tui.store.lock import acquire_lock
from bilan_tui.store.repository import DISPLAY_NAME, Workbook, open_workbook

from . import DEMO_WORKBOOK
from .script import DemoScript, demo_script

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class DemoResult:
    """What ``recreate_demo`` did.

    Attributes:
        path: The demo workbook's file.
        replaced: Whether an earlier demo was removed first.
        answers: How many answers were written.
        ledger_entries: How many ledger entries were written.
    """

    path: Path
    replaced: bool
    answers: int
    ledger_entries: int


def demo_files(path: Path) -> list[Path]:
    """The database and the files SQLite may have left beside it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS)]


def fill_workbook(workbook: Workbook, pack_id: str, script: DemoScript) -> None:
    """Write the script into an open workbook, all in one transaction."""
    with workbook.transaction():
        workbook.save_answers(script.answers)
        for exercise_id in script.done():
            workbook.set_done(pack_id, exercise_id, True)
        stored = {}
        for entry in script.ledger:
            stored[id(entry)] = workbook.add_ledger_entry(entry).id
        for entry, page in script.journal:
            workbook.save_session_note(dataclasses.replace(page, entry_id=stored[id(entry)]))
        workbook.set_setting(DISPLAY_NAME, script.display_name)


def recreate_demo(path: Path, pack: Pack, *, reference: datetime.date | None = None) -> DemoResult:
    """Replace the demo workbook at ``path`` with a fresh, complete one.

    Args:
        path: Where the demo lives; its name must be ``demo``.
        pack: The shipped pack to answer (its language is the demo's).
        reference: The day the demo is dated around (default: today); the
            bilan ends about a week before it.

    Raises:
        ValueError: ``path`` is not the demo workbook's file.
        DemoDataError: The demo's data does not fit the pack.
        WorkbookInUse: The demo is open in a bilan window.
    """
    if path.stem != DEMO_WORKBOOK:
        raise ValueError(f"{path} is not the demo workbook; it is left alone")
    script = demo_script(pack, reference or datetime.date.today())
    make_private_dir(path.parent)
    with acquire_lock(path):
        replaced = path.exists()
        _remove(path)
        workbook = open_workbook(path, language=script.language, create=True)
        try:
            fill_workbook(workbook, pack.id, script)
        except BaseException:
            workbook.close()
            _remove(path)
            raise
        workbook.close()
    return DemoResult(path, replaced, len(script.answers), len(script.ledger))


def _remove(path: Path) -> None:
    for leftover in demo_files(path):
        leftover.unlink(missing_ok=True)
