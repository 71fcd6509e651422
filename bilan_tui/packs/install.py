"""Installing a consultant's pack into the data directory, checked first.

``bilan pack install`` and a homework file that carries a pack both end here.
The pack is read and checked where it is (a folder, a .zip, or the files of a
homework file written to a private temporary folder); only a sound pack is
copied, file by file, into ``<packs folder>/<pack id>/`` (``0700`` folders,
``0600`` files): ``<data dir>/packs/`` for ``bilan pack install``, the
importing workbook's own folder for a homework file (``paths.homework_packs_dir``).
The copy is staged beside the target and swapped in with a rename, so a
failure halfway leaves the previous version in place.

Answers are keyed by (pack id, exercise id, field id): replacing version 1 by
version 2 of a pack touches no answer, which is why upgrading is safe.
Installing an older version over a newer one is refused: its exercises could
lack fields the person already answered.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import tempfile
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bilan_tui.domain.model import Pack
from bilan_tui.i18n import _
from bilan_tui.paths import ensure_private_dir, packs_dir
from bilan_tui.plain_files import NotAPlainFile, plain_size, read_plain
from bilan_tui.system_words import os_reason

from .archive import PackArchiveError, extract_pack_archive, write_pack_files
from .library import version_key
from .limits import MAX_FILE_BYTES
from .names import MANIFEST, is_valid_id
from .problems import PackError, PackProblem
from .shipped import SHIPPED_LANGUAGES, shipped_pack_root


class InstallRefused(ValueError):
    """The pack is sound but cannot be installed (an older version, a reserved id)."""


class Action(StrEnum):
    """What installing did."""

    INSTALLED = "installed"
    UPGRADED = "upgraded"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class InstallOutcome:
    """The result of an installation.

    Attributes:
        pack: The pack now installed.
        action: What changed.
        previous_version: The version it replaced, if any.
        folder: Where it is installed.
    """

    pack: Pack
    action: Action
    folder: Path
    previous_version: str = ""


def reserved_ids() -> set[str]:
    """Pack ids an installed pack may not take: those of the shipped packs."""
    ids: set[str] = set()
    for language in SHIPPED_LANGUAGES:
        with contextlib.suppress(OSError, tomllib.TOMLDecodeError):
            manifest = tomllib.loads((shipped_pack_root(language) / MANIFEST).read_text("utf-8"))
            ids.add(str(manifest.get("id", "")))
    return ids


@contextlib.contextmanager
def opened_pack(source: Path) -> Iterator[Path]:
    """The folder of the pack at ``source``: the folder itself, or a .zip extracted.

    Problems found in an extracted archive name the archive, not the
    temporary folder (``pack.zip/valeurs.md:3: ...``).

    Raises:
        PackArchiveError: an unsafe or unreadable archive.
        PackError: (from the body) with paths rewritten for an archive.
    """
    source = Path(source)
    if source.is_dir() or source.suffix.lower() != ".zip":
        yield source
        return
    try:
        plain_size(source)
    except FileNotFoundError:
        raise PackArchiveError(_("no such file")) from None
    except NotAPlainFile as error:
        raise PackArchiveError(str(error)) from None
    except OSError as error:
        raise PackArchiveError(os_reason(error)) from None
    with tempfile.TemporaryDirectory(prefix="bilan-pack-") as temporary:
        root = extract_pack_archive(source, Path(temporary))
        try:
            yield root
        except PackError as error:
            raise PackError(_renamed(error.problems, root, str(source)), error.more) from None


@contextlib.contextmanager
def pack_from_files(files: Mapping[str, str]) -> Iterator[Path]:
    """A private temporary folder holding a pack given as ``{file name: text}``.

    Problems name the files alone (``reseau.md:3: ...``), not the folder.

    Raises:
        PackArchiveError: a name that is not a pack file, or too much text.
    """
    with tempfile.TemporaryDirectory(prefix="bilan-pack-") as temporary:
        root = Path(temporary)
        write_pack_files(files, root)
        try:
            yield root
        except PackError as error:
            raise PackError(_renamed(error.problems, root, ""), error.more) from None


def check_installable(pack: Pack, packs_root: Path) -> InstallOutcome:
    """What installing ``pack`` into the folder ``packs_root`` would do, without doing it.

    Raises:
        InstallRefused: a shipped pack's id, or older than the installed version.
    """
    if pack.id in reserved_ids():
        raise InstallRefused(
            _("pack id {id} is the built-in pack's; give your pack another id").format(
                id=repr(pack.id)
            )
        )
    folder = packs_root / pack.id
    previous = _installed_version(folder)
    if previous is None:
        return InstallOutcome(pack, Action.INSTALLED, folder)
    if version_key(pack.version) < version_key(previous):
        raise InstallRefused(
            _(
                "pack {id} {previous} is installed;"
                " it is not replaced by the older version {version}"
            ).format(id=repr(pack.id), previous=previous, version=pack.version)
        )
    if version_key(pack.version) > version_key(previous):
        return InstallOutcome(pack, Action.UPGRADED, folder, previous)
    root = Path(pack.root)
    same = all(_same_file(folder / name, root / name) for name in _pack_files(pack)) and sorted(
        p.name for p in folder.iterdir()
    ) == sorted(_pack_files(pack))
    return InstallOutcome(pack, Action.UNCHANGED if same else Action.REPLACED, folder, previous)


def install_loaded(pack: Pack, packs_root: Path) -> InstallOutcome:
    """Copy a pack already loaded (and so checked) from ``pack.root`` into ``packs_root``.

    Raises:
        InstallRefused: see :func:`check_installable`.
        OSError: the folder cannot be written.
    """
    outcome = check_installable(pack, packs_root)
    if outcome.action is Action.UNCHANGED:
        return outcome
    parent = ensure_private_dir(packs_root)
    recover_interrupted(parent)
    staging = Path(tempfile.mkdtemp(prefix=f"{NEW}{pack.id}-{os.getpid()}-", dir=parent))
    try:
        os.chmod(staging, 0o700)
        root = Path(pack.root)
        for name in _pack_files(pack):
            _copy_private(root / name, staging / name)
        _swap(staging, outcome.folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    installed = dataclasses.replace(pack, root=str(outcome.folder))
    return InstallOutcome(installed, outcome.action, outcome.folder, outcome.previous_version)


def install_pack(source: Path, data_dir: Path) -> InstallOutcome:
    """Check the pack at ``source`` (a folder or a .zip) and install it for every workbook.

    Raises:
        PackError: every problem of the pack (nothing installed).
        PackArchiveError: an unsafe or unreadable archive.
        InstallRefused: see :func:`check_installable`.
    """
    from .loader import load_pack

    with opened_pack(source) as root:
        return install_loaded(load_pack(root), packs_dir(data_dir))


def _pack_files(pack: Pack) -> list[str]:
    """Exactly the files the loader reads: ``pack.toml`` and one file per exercise."""
    return [MANIFEST, *(f"{exercise.id}.md" for exercise in pack.exercises)]


def _installed_version(folder: Path) -> str | None:
    """The version in an installed ``pack.toml``; ``None`` if absent or unreadable."""
    try:
        manifest = tomllib.loads(read_plain(folder / MANIFEST, MAX_FILE_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    version = manifest.get("version")
    return version if isinstance(version, str) else None


def _same_file(installed: Path, new: Path) -> bool:
    """Whether the installed file holds the same bytes (plain files only, never a pipe)."""
    try:
        return read_plain(installed, MAX_FILE_BYTES) == read_plain(new, MAX_FILE_BYTES)
    except OSError:
        return False


def _copy_private(source: Path, dest: Path) -> None:
    data = read_plain(source, MAX_FILE_BYTES)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


NEW = ".new-"
"""Start of a staging folder's name: ``.new-<id>-<pid>-<random>``."""

OLD = ".old-"
"""Start of the name of a pack being replaced: ``.old-<id>-<pid>``."""

_LEFTOVER = re.compile(r"\.(?P<kind>new|old)-(?P<id>.+)-(?P<pid>\d+)(?:-[^-]+)?")


def _running(pid: int) -> bool:
    """Whether process ``pid`` still runs (then its folders are not leftovers)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_interrupted(root: Path) -> None:
    """Finish what an install killed midway left in ``root``, before anything reads it.

    An upgrade renames the installed pack to ``.old-<id>-<pid>`` and then the
    new one into place: a kill between the two renames left "no pack
    installed". Here, once its process is gone, an ``.old-`` folder whose pack
    is missing goes back in place (the upgrade did not happen), one whose
    pack is in place is removed (it did), and ``.new-`` staging folders are
    removed. Failures are ignored: read-only media, or another process
    recovering at the same moment; the next start tries again.
    """
    try:
        names = [entry.name for entry in os.scandir(root) if entry.name.startswith(".")]
    except OSError:
        return
    for name in sorted(names, key=lambda n: not n.startswith(OLD)):  # .old- first
        match = _LEFTOVER.fullmatch(name)
        if match is None or _running(int(match["pid"])):
            continue
        leftover = root / name
        target = root / match["id"]
        with contextlib.suppress(OSError):
            if match["kind"] == "old" and not target.exists() and is_valid_id(match["id"]):
                leftover.rename(target)
            else:
                shutil.rmtree(leftover)


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` in place of ``target`` (which may not exist).

    Two renames, because no portable call swaps two folders: a kill between
    them leaves ``.old-<id>-<pid>`` and no pack, which
    :func:`recover_interrupted` puts back on the next start.
    """
    if not target.exists():
        staging.rename(target)
        return
    old = target.with_name(f"{OLD}{target.name}-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _renamed(problems: list[PackProblem], root: Path, shown: str) -> list[PackProblem]:
    """Problems whose paths name ``shown`` (or nothing) instead of the temporary ``root``."""
    prefix = str(root)
    renamed: list[PackProblem] = []
    for problem in problems:
        path = problem.path
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            path = shown + rest if shown else rest.lstrip("/\\") or "."
        renamed.append(PackProblem(path, problem.line, problem.message))
    return renamed
