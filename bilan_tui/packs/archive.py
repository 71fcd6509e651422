"""Turning a pack that travelled (a .zip, or files inside a homework file) into a folder.

A pack arrives by e-mail or on a USB stick, so its archive is untrusted: an
entry could be an absolute path, climb out with ``..``, be a symbolic link,
or be a small file that inflates to gigabytes. Every entry is checked before
anything is written, and only plain files with plain names come out.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from bilan_tui.i18n import _
from bilan_tui.plain_files import size_in_words
from bilan_tui.system_words import os_reason

from .limits import MAX_FILE_BYTES, MAX_TOTAL_BYTES
from .limits import MAX_FILES as MAX_ENTRIES
from .names import MANIFEST, is_valid_id


class PackArchiveError(ValueError):
    """The archive or the file set cannot be a pack; the message says why."""


def is_pack_file_name(name: str) -> bool:
    """Whether ``name`` is a file a pack is made of: ``pack.toml`` or ``<id>.md``."""
    if name == MANIFEST:
        return True
    stem, dot, suffix = name.rpartition(".")
    return bool(dot) and suffix == "md" and is_valid_id(stem)


def write_pack_files(files: Mapping[str, str], dest: Path) -> None:
    """Write a pack given as ``{file name: text}`` into the empty folder ``dest``.

    Raises:
        PackArchiveError: a name that is not a pack file, or too much text.
    """
    total = 0
    for name, text in files.items():
        if not is_pack_file_name(name):
            raise PackArchiveError(
                _("{name} is not a pack file name (expected pack.toml or <id>.md)").format(
                    name=repr(name)
                )
            )
        size = len(text.encode("utf-8"))
        total += size
        if size > MAX_FILE_BYTES:
            raise PackArchiveError(
                _("{name} is too large ({size}; at most {most})").format(
                    name=repr(name), size=size_in_words(size), most=size_in_words(MAX_FILE_BYTES)
                )
            )
        if total > MAX_TOTAL_BYTES:
            raise PackArchiveError(
                _("the pack is too large (more than {most})").format(
                    most=size_in_words(MAX_TOTAL_BYTES)
                )
            )
    if MANIFEST not in files:
        raise PackArchiveError(_("the pack has no {file}").format(file=MANIFEST))
    for name, text in files.items():
        _write_private(dest / name, text.encode("utf-8"))


def extract_pack_archive(archive: Path, dest: Path) -> Path:
    """Extract the pack in ``archive`` into the empty folder ``dest``.

    The pack's files may sit at the top of the archive or inside one folder
    (what zipping a folder gives). Other files (a README, ``__MACOSX``) are
    skipped; they are not part of a pack.

    Returns:
        The folder holding ``pack.toml``.

    Raises:
        PackArchiveError: not a zip, an unsafe entry, or too large.
    """
    try:
        with zipfile.ZipFile(archive) as zipped:
            infos = zipped.infolist()
            prefix = _check_entries(infos)
            for info in infos:
                name = info.filename
                if info.is_dir() or not name.startswith(prefix):
                    continue
                inner = name[len(prefix) :]
                if not is_pack_file_name(inner):
                    continue
                data = zipped.read(info)
                if len(data) > MAX_FILE_BYTES:
                    raise PackArchiveError(_("{name} is too large").format(name=repr(name)))
                _write_private(dest / inner, data)
    except zipfile.BadZipFile:
        raise PackArchiveError(_("not a readable zip archive")) from None
    except (OSError, RuntimeError, NotImplementedError) as error:
        reason = os_reason(error) if isinstance(error, OSError) else type(error).__name__
        raise PackArchiveError(
            _("the archive cannot be read ({reason})").format(reason=reason)
        ) from None
    return dest


def _check_entries(infos: list[zipfile.ZipInfo]) -> str:
    """Refuse unsafe entries; return the folder prefix holding ``pack.toml``."""
    if len(infos) > MAX_ENTRIES:
        raise PackArchiveError(
            _("the archive has too many entries ({count})").format(count=len(infos))
        )
    total = 0
    manifests: list[str] = []
    for info in infos:
        name = info.filename
        path = PurePosixPath(name.replace("\\", "/"))
        if name.startswith(("/", "\\")) or path.is_absolute() or ":" in path.parts[0]:
            raise PackArchiveError(
                _("unsafe entry {name}: an absolute path").format(name=repr(name))
            )
        if ".." in path.parts:
            raise PackArchiveError(
                _("unsafe entry {name}: it climbs out with '..'").format(name=repr(name))
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackArchiveError(
                _("unsafe entry {name}: a symbolic link").format(name=repr(name))
            )
        if info.file_size > MAX_FILE_BYTES:
            raise PackArchiveError(_("{name} is too large").format(name=repr(name)))
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackArchiveError(_("the archive is too large once extracted"))
        if path.name == MANIFEST and len(path.parts) <= 2 and not info.is_dir():
            manifests.append(name[: -len(MANIFEST)])
    if not manifests:
        raise PackArchiveError(
            _("no {file} at the top of the archive or in its folder").format(file=MANIFEST)
        )
    if len(manifests) > 1:
        raise PackArchiveError(
            _("the archive holds {count} packs; put one per archive").format(count=len(manifests))
        )
    return manifests[0]


def _write_private(path: Path, data: bytes) -> None:
    """Create a new ``0600`` file (never follows or replaces an existing one)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
