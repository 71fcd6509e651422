"""The beneficiary's side: importing a homework file into a workbook.

Everything is checked before anything is written: the file, its due date, the
pack it carries (checked like ``bilan pack check``), and that every exercise
it assigns exists once that pack is installed. Only then is the pack installed
and the assignment added.

A homework belongs to the workbook that imports it, and so does the pack it
carries: the pack goes into that workbook's own folder
(``paths.homework_packs_dir``), never into ``<data dir>/packs/`` (the packs
of ``bilan pack install``, shared by every workbook), and the workbook lists
only the exercises its homework assigns (``packs.library.workbook_library``).

The file's SHA-256 is the assignment's identity in the workbook, so importing
the same file twice changes nothing.

A reply file may carry the consultant's part of the synthesis (``[synthesis]``):
once every check has passed, it is written into the shipped pack's
``synthese-consultant`` exercise, replacing what was there. A reply carrying
nothing else adds no assignment.

The assignment is stored as the store's ``Homework``: ``exercises`` lists the
assigned exercises as the library names them (``Exercise.ref``): a bare id for
an exercise of the built-in pack, ``"<pack>:<id>"`` for one of an installed
pack, so ``session.pack.exercise(entry)`` finds each one; ``pack_id`` is the
pack of the first exercise (``view.assigned_refs`` splits the entries).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bilan_tui.domain.answers import Answer, AnswerKey, JSONValue
from bilan_tui.domain.dates import long_date
from bilan_tui.domain.model import Pack, qualified_ref
from bilan_tui.domain.records import Homework
from bilan_tui.i18n import _, language
from bilan_tui.packs.archive import PackArchiveError
from bilan_tui.packs.install import (
    InstallOutcome,
    InstallRefused,
    check_installable,
    install_loaded,
    pack_from_files,
    reserved_ids,
)
from bilan_tui.packs.library import (
    home_pack,
    installed_packs,
    merge_library,
    packs_in,
    version_key,
    workbook_library,
)
from bilan_tui.packs.problems import PackError
from bilan_tui.paths import homework_packs_dir
from bilan_tui.plain_files import FileTooLarge, NotAPlainFile, read_plain

from .fileformat import (
    MAX_FILE_BYTES,
    ConsultantSynthesis,
    HomeworkError,
    HomeworkFile,
    parse_homework,
)

CONSULTANT_EXERCISE = "synthese-consultant"
"""Where the consultant's part of the synthesis is kept, in the shipped pack."""


class HomeworkStore(Protocol):
    """What importing needs from a workbook (``store.repository.Workbook`` has it)."""

    def homework(self) -> list[Homework]: ...

    def add_homework(self, homework: Homework) -> tuple[Homework, bool]: ...

    def save_answers(self, answers: Iterable[Answer]) -> int: ...


class NoHomework:
    """A workbook that does not exist yet, for a dry run before creating it."""

    def homework(self) -> list[Homework]:
        """No assignment yet."""
        return []

    def add_homework(self, homework: Homework) -> tuple[Homework, bool]:
        """Nothing is stored: the dry run only checks."""
        return homework, True

    def save_answers(self, answers: Iterable[Answer]) -> int:
        """Nothing is stored: the dry run only checks."""
        return 0


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import did.

    Attributes:
        homework: The stored assignment (the earlier one if already imported).
        added: False when the same file had been imported before.
        pack: What happened to the pack the file carried, if it carried one.
        library: The library to use from now on (with that pack).
        synthesis: The consultant's part of the synthesis the file carried,
            now in the workbook.
    """

    homework: Homework
    added: bool
    library: Pack
    pack: InstallOutcome | None = None
    synthesis: ConsultantSynthesis | None = None


def file_hash(data: bytes) -> str:
    """The identity of a homework file in the workbook."""
    return hashlib.sha256(data).hexdigest()


def read_homework_bytes(path: Path) -> bytes:
    """The file's bytes, or one clear sentence about why not.

    Only a regular file is opened: a named pipe would block and a device
    such as ``/dev/zero`` would never end (``plain_files``).

    Raises:
        HomeworkError: missing, a folder, a pipe or device, unreadable or too large.
    """
    try:
        if path.is_dir():
            raise HomeworkError(_("{path} is a folder, not a homework file").format(path=path))
        return read_plain(path, MAX_FILE_BYTES)
    except FileTooLarge:
        raise HomeworkError(
            _("{path} is too large to be a homework file").format(path=path)
        ) from None
    except NotAPlainFile as error:
        raise HomeworkError(
            _("{path} cannot be a homework file: {reason}").format(path=path, reason=error)
        ) from None
    except FileNotFoundError:
        raise HomeworkError(_("no such file: {path}").format(path=path)) from None
    except OSError as error:
        from bilan_tui.system_words import os_reason

        reason = os_reason(error)
        raise HomeworkError(
            _("cannot read {path}: {reason}").format(path=path, reason=reason)
        ) from None


def import_homework(
    path: Path,
    store: HomeworkStore,
    data_dir: Path,
    library: Pack,
    today: datetime.date | None = None,
    *,
    workbook: Path,
    dry_run: bool = False,
) -> ImportOutcome:
    """Check the homework file at ``path`` and add it to the workbook.

    Args:
        path: The file.
        store: The open workbook.
        data_dir: Where ``bilan pack install`` puts the packs every workbook sees.
        library: The shipped pack (installed packs merged in or not).
        today: The local date (tests pass one).
        workbook: The workbook's file: a pack the homework carries goes
            beside it (``paths.homework_packs_dir``), for it alone.
        dry_run: Check everything, write nothing (no pack installed, no
            assignment added): the command line does this before creating
            a workbook for the first import.

    Raises:
        HomeworkError: anything that makes the file unusable; nothing written.
        OSError: a pack cannot be written in the data directory.
    """
    today = today or datetime.date.today()
    data = read_homework_bytes(Path(path))
    digest = file_hash(data)
    home = home_pack(library)
    for stored in store.homework():
        if stored.file_hash == digest:
            return ImportOutcome(stored, False, _current_library(home, data_dir, workbook, store))
    parsed = parse_homework(data)
    if parsed.synthesis is not None:
        if home.exercise(CONSULTANT_EXERCISE) is None:
            raise HomeworkError(_("this workbook has no place for the consultant's part"))
        return _with_synthesis(
            parsed,
            _import_parsed(parsed, data, store, data_dir, home, today, workbook, dry_run),
            store,
            home,
            dry_run,
        )
    return _import_parsed(parsed, data, store, data_dir, home, today, workbook, dry_run)


def _import_parsed(
    parsed: HomeworkFile,
    data: bytes,
    store: HomeworkStore,
    data_dir: Path,
    home: Pack,
    today: datetime.date,
    workbook: Path,
    dry_run: bool,
) -> ImportOutcome:
    """The assignment and the pack of a parsed file; a reply with no exercise adds none."""
    digest = file_hash(data)
    own_root = homework_packs_dir(workbook)
    if not parsed.exercises:
        library = _current_library(home, data_dir, workbook, store)
        reply = Homework(
            pack_id=home.id,
            exercises=(),
            file_hash=digest,
            due=parsed.due,
            message=parsed.message,
        )
        return ImportOutcome(reply, True, library)
    if parsed.due < today:
        raise HomeworkError(
            _(
                "this homework was due on {date}, which has passed; "
                "ask your consultant for a new file"
            ).format(date=long_date(parsed.due, language()))
        )
    installed = _visible_packs(data_dir, own_root)
    if not parsed.pack_files:
        prospective = merge_library(home, installed)
        homework = _assignment(parsed, prospective, home.id, digest)
        if dry_run:
            return ImportOutcome(homework, True, prospective)
        stored, added = store.add_homework(homework)
        return ImportOutcome(stored, added, _current_library(home, data_dir, workbook, store))
    try:
        with pack_from_files(parsed.pack_files) as root:
            pack = _embedded_pack(root, home)
            target = _Target(data_dir, workbook, own_root)
            return _import_with_pack(parsed, pack, store, target, home, installed, digest, dry_run)
    except PackArchiveError as error:
        raise HomeworkError(
            _("the pack in this homework file is unusable: {reason}").format(reason=error)
        ) from None
    except PackError as error:
        raise HomeworkError(_pack_problems(error)) from None


def _with_synthesis(
    parsed: HomeworkFile,
    outcome: ImportOutcome,
    store: HomeworkStore,
    home: Pack,
    dry_run: bool,
) -> ImportOutcome:
    """Write the consultant's part the file carries, once everything else is accepted."""
    part = parsed.synthesis
    assert part is not None
    values: dict[str, JSONValue] = {"texte": part.text}
    if part.name:
        values["nom"] = part.name
    if part.organisation:
        values["organisme"] = part.organisation
    if part.handed_over is not None:
        values["remis_le"] = part.handed_over.isoformat()
    if not dry_run:
        store.save_answers(
            Answer(AnswerKey(home.id, CONSULTANT_EXERCISE, field_id), value)
            for field_id, value in values.items()
        )
    return dataclasses.replace(outcome, synthesis=part)


def _embedded_pack(root: Path, home: Pack) -> Pack:
    """The pack the homework file carries, checked like ``bilan pack check``."""
    from bilan_tui.packs.loader import load_pack

    pack = load_pack(root)
    if pack.id in reserved_ids() or pack.id == home.id:
        raise HomeworkError(
            _("the pack in this homework file uses the id of the built-in pack ({id})").format(
                id=pack.id
            )
        )
    return pack


@dataclass(frozen=True, slots=True)
class _Target:
    """Where the packs are: shared ones in ``data_dir``, the workbook's in ``own_root``."""

    data_dir: Path
    workbook: Path
    own_root: Path


def _visible_packs(data_dir: Path, own_root: Path) -> list[Pack]:
    """The packs a workbook can use: the shared ones, and its own where newer, by id."""
    packs = {item.id: item.pack for item in installed_packs(data_dir) if item.pack is not None}
    for item in packs_in(own_root):
        shared = packs.get(item.id)
        if item.pack is not None and (
            shared is None or version_key(item.pack.version) > version_key(shared.version)
        ):
            packs[item.id] = item.pack
    return [packs[pack_id] for pack_id in sorted(packs)]


def _import_with_pack(
    parsed: HomeworkFile,
    pack: Pack,
    store: HomeworkStore,
    target: _Target,
    home: Pack,
    installed: list[Pack],
    digest: str,
    dry_run: bool,
) -> ImportOutcome:
    shared = next(
        (item.pack for item in installed_packs(target.data_dir) if item.id == pack.id), None
    )
    try:
        check_installable(pack, target.own_root)
        newer = shared is None or version_key(pack.version) > version_key(shared.version)
    except InstallRefused:
        newer = False  # the workbook has a newer version already: keep it
    if newer:
        installed = [other for other in installed if other.id != pack.id] + [pack]
    prospective = merge_library(home, sorted(installed, key=lambda item: item.id))
    homework = _assignment(parsed, prospective, home.id, digest)
    if dry_run:
        return ImportOutcome(homework, True, prospective)
    outcome = install_loaded(pack, target.own_root) if newer else None
    stored, added = store.add_homework(homework)
    library = _current_library(home, target.data_dir, target.workbook, store)
    return ImportOutcome(stored, added, library, outcome)


def _assignment(parsed: HomeworkFile, library: Pack, home_id: str, digest: str) -> Homework:
    """The ``Homework`` to store, once every exercise is known to exist."""
    known = {home_id, *(pack.id for pack in library.installed)}
    present = {(exercise.pack_id or library.id, exercise.id) for exercise in library.exercises}
    for assigned in parsed.exercises:
        if (assigned.pack, assigned.id) in present:
            continue
        if assigned.pack not in known:
            raise HomeworkError(
                _(
                    "this homework needs the pack {pack}, which is neither installed "
                    "nor in the file"
                ).format(pack=assigned.pack)
            )
        raise HomeworkError(
            _("unknown exercise {exercise} in pack {pack}").format(
                exercise=assigned.id, pack=assigned.pack
            )
        )
    entries = tuple(
        item.id if item.pack == home_id else qualified_ref(item.pack, item.id)
        for item in parsed.exercises
    )
    return Homework(
        pack_id=parsed.exercises[0].pack,
        exercises=entries,
        file_hash=digest,
        due=parsed.due,
        message=parsed.message,
    )


def _current_library(home: Pack, data_dir: Path, workbook: Path, store: HomeworkStore) -> Pack:
    """The library the workbook sees now: shared packs, and its homework's exercises."""
    shared = [item.pack for item in installed_packs(data_dir) if item.pack is not None]
    return workbook_library(merge_library(home, shared), workbook, assigned_refs(store))


def assigned_refs(store: HomeworkStore) -> set[str]:
    """Every exercise the workbook's homework assigns, as the library names it."""
    return {entry for homework in store.homework() for entry in homework.exercises}


def _pack_problems(error: PackError) -> str:
    problems = error.problems
    first = str(problems[0]) if problems else "?"
    if error.count > 1:
        message = _("the pack in this homework file is not valid: {problem} (and {count} more)")
        return message.format(problem=first, count=error.count - 1)
    return _("the pack in this homework file is not valid: {problem}").format(problem=first)
