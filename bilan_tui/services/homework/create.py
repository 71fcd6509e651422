"""The consultant's side: ``bilan homework new`` builds and writes a homework file.

The consultant names exercises by id. A bare id is looked up in their own pack
(``--pack``) first, then in the shipped pack, then in the packs they
installed; ``pack:id`` names the pack explicitly when an id is ambiguous. When
an exercise comes from a pack the beneficiary may not have (anything but the
shipped pack), that pack travels inside the file: one such pack per file.
"""

from __future__ import annotations

import datetime
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

from bilan_tui.domain.dates import DateInputError, long_date, read_date
from bilan_tui.domain.model import Exercise, Pack
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _, language
from bilan_tui.packs.library import SEPARATOR
from bilan_tui.packs.limits import MAX_FILE_BYTES
from bilan_tui.packs.names import MANIFEST
from bilan_tui.plain_files import read_plain
from bilan_tui.services.ledger_text import date_error_text
from bilan_tui.system_words import os_failure

from .fileformat import MAX_MESSAGE, AssignedExercise, HomeworkError, HomeworkFile


def parse_due(text: str, today: datetime.date) -> datetime.date:
    """The ``--due`` date; a date in the past is refused (today is fine).

    Raises:
        HomeworkError: not a date (``14/03/2026`` or ``2026-03-14``), or already past.
    """
    try:
        due = read_date(text)
    except DateInputError as error:
        raise HomeworkError(date_error_text(error.code, text.strip())) from None
    if due < today:
        raise HomeworkError(
            _("the due date {date} is in the past").format(date=long_date(due, language()))
        )
    return due


def parse_exercise_list(text: str) -> list[str]:
    """``ID,ID`` as a list, blanks dropped, duplicates kept once.

    Raises:
        HomeworkError: no id at all.
    """
    names: list[str] = []
    for part in text.split(","):
        name = part.strip()
        if name and name not in names:
            names.append(name)
    if not names:
        raise HomeworkError(_("name at least one exercise (--exercises ID,ID)"))
    return names


def resolve_exercises(names: Sequence[str], library: Pack, own: Pack | None) -> list[Exercise]:
    """The exercises the consultant named, in their order.

    Args:
        names: Bare ids or ``pack:id``.
        library: The shipped pack with the consultant's installed packs.
        own: The pack given with ``--pack``, if any (it wins over an
            installed pack with the same id).

    Raises:
        HomeworkError: an id found nowhere, or ambiguous.
    """
    installed = [pack for pack in library.installed if own is None or pack.id != own.id]
    packs: list[Pack] = [*([own] if own else []), library, *installed]
    found: list[Exercise] = []
    for name in names:
        pack_id, separator, exercise_id = name.partition(SEPARATOR)
        if separator:
            exercise = _in_pack(packs, library, pack_id, exercise_id)
            if exercise is None:
                raise HomeworkError(
                    _("unknown exercise {exercise} in pack {pack}").format(
                        exercise=exercise_id, pack=pack_id
                    )
                    + valid_ids([p for p in packs if p.id == pack_id] or packs)
                )
        else:
            exercise = _first(packs, library, name)
            if exercise is None:
                raise HomeworkError(
                    _("unknown exercise {exercise}").format(exercise=name) + valid_ids(packs)
                )
        if exercise not in found:
            found.append(exercise)
    return found


def valid_ids(packs: Sequence[Pack]) -> str:
    """`` (valid exercises in bilan: …)``: every id ``--exercises`` accepts, pack by pack.

    A library lists the installed packs' exercises too: only its own
    (``pack_id`` unset or equal to its id) are counted under it.
    """
    parts: list[str] = []
    seen: set[str] = set()
    for pack in packs:
        if pack.id in seen:
            continue
        seen.add(pack.id)
        ids = [
            exercise.id for exercise in pack.exercises if (exercise.pack_id or pack.id) == pack.id
        ]
        if ids:
            parts.append(_("in {pack}: {ids}").format(pack=pack.id, ids=", ".join(ids)))
    if not parts:
        return ""
    return " " + _("(valid exercises {list})").format(list=" — ".join(parts))


def build_homework(
    exercises: Sequence[Exercise],
    due: datetime.date,
    message: str,
    library: Pack,
    own: Pack | None,
    now: datetime.datetime | None = None,
) -> HomeworkFile:
    """The homework file for ``exercises``, carrying the one non-shipped pack they need.

    Raises:
        HomeworkError: exercises from two packs of one's own, a message too
            long, or a pack file that cannot be read.
    """
    message = clean_text(message).strip()
    if len(message) > MAX_MESSAGE:
        raise HomeworkError(
            _("the message is too long (at most {count} characters)").format(count=MAX_MESSAGE)
        )
    foreign = sorted({exercise.pack_id for exercise in exercises} - {library.id})
    if len(foreign) > 1:
        raise HomeworkError(
            _(
                "one homework file can carry one pack of your own; these exercises come "
                "from {packs}: send one file per pack"
            ).format(packs=", ".join(foreign))
        )
    files: dict[str, str] = {}
    if foreign:
        carried = own if own is not None and own.id == foreign[0] else None
        carried = carried or next(pack for pack in library.installed if pack.id == foreign[0])
        files = pack_files(carried)
    return HomeworkFile(
        id=str(uuid.uuid4()),
        created=now or datetime.datetime.now(datetime.UTC),
        due=due,
        message=message,
        exercises=tuple(AssignedExercise(ex.pack_id or library.id, ex.id) for ex in exercises),
        pack_files=files,
    )


def pack_files(pack: Pack) -> dict[str, str]:
    """The pack's files as text: ``pack.toml`` and one file per exercise.

    Raises:
        HomeworkError: a file cannot be read.
    """
    root = Path(pack.root)
    names = [MANIFEST, *(f"{exercise.id}.md" for exercise in pack.exercises)]
    try:
        return {name: read_plain(root / name, MAX_FILE_BYTES).decode("utf-8") for name in names}
    except OSError as error:
        raise HomeworkError(
            _("cannot read the pack {pack}: {reason}").format(
                pack=pack.id, reason=os_failure(error)
            )
        ) from None
    except UnicodeDecodeError:
        raise HomeworkError(
            _("cannot read the pack {pack}: a file is not UTF-8 text").format(pack=pack.id)
        ) from None


def write_new_file(path: Path, text: str) -> None:
    """Write ``text`` to a new file; an existing file is never replaced.

    Raises:
        HomeworkError: the file exists.
        OSError: it cannot be written.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise HomeworkError(
            _("{path} already exists; choose another file name").format(path=path)
        ) from None
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _first(packs: Sequence[Pack], library: Pack, exercise_id: str) -> Exercise | None:
    """The exercise from the first pack that has one with this id."""
    for pack in packs:
        exercise = _lookup(pack, library, exercise_id)
        if exercise is not None:
            return exercise
    return None


def _in_pack(
    packs: Sequence[Pack], library: Pack, pack_id: str, exercise_id: str
) -> Exercise | None:
    """The exercise of the first pack with id ``pack_id``."""
    pack = next((pack for pack in packs if pack.id == pack_id), None)
    return None if pack is None else _lookup(pack, library, exercise_id)


def _lookup(pack: Pack, library: Pack, exercise_id: str) -> Exercise | None:
    """An exercise of ``pack`` itself: in the library, only the shipped ones count."""
    if pack is library:
        return library.find(library.id, exercise_id)
    for exercise in pack.exercises:
        if exercise.id == exercise_id:
            return exercise
    return None


def build_reply(
    text: str,
    *,
    name: str = "",
    organisation: str = "",
    handed_over: datetime.date | None = None,
    message: str = "",
    now: datetime.datetime | None = None,
) -> HomeworkFile:
    """A reply file carrying the consultant's part of the synthesis, checked as on import.

    The file is rendered and read back, so the consultant is refused exactly
    what the beneficiary's import would refuse, before anything is written.

    Raises:
        HomeworkError: empty or too long a text, a name on several lines...
    """
    from .fileformat import ConsultantSynthesis, parse_homework, render_homework

    created = now or datetime.datetime.now(datetime.UTC)
    reply = HomeworkFile(
        id=str(uuid.uuid4()),
        created=created.replace(microsecond=0),
        due=handed_over or created.date(),
        message=clean_text(message).strip(),
        exercises=(),
        synthesis=ConsultantSynthesis(text, name, organisation, handed_over),
    )
    return parse_homework(render_homework(reply).encode("utf-8"))


def read_reply_text(path: Path) -> str:
    """The consultant's part as they wrote it in a text file.

    Raises:
        HomeworkError: missing, unreadable, not text, or far too large.
    """
    from .fileformat import MAX_SYNTHESIS

    try:
        if path.stat().st_size > MAX_SYNTHESIS * 4:
            raise HomeworkError(_("{path} is too long for the consultant's part").format(path=path))
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except FileNotFoundError:
        raise HomeworkError(_("no such file: {path}").format(path=path)) from None
    except UnicodeDecodeError:
        raise HomeworkError(_("{path} is not text (UTF-8)").format(path=path)) from None
    except OSError as error:
        raise HomeworkError(
            _("cannot read {path}: {reason}").format(path=path, reason=os_failure(error))
        ) from None
