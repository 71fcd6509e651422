"""Reading the official files from a zip or a folder, treating both as hostile.

France Travail's ``RefRomeCsv.zip`` holds ``unix_<name>_v4NN_utf8.csv`` files
and ``version.txt``. The person may give the zip or the folder she unpacked it
into. Either may come from anywhere, so: members with an absolute path or
``..`` are refused, sizes are capped (a zip bomb stops at the cap, whatever its
headers claim), and in a folder only regular files are read (no links, pipes or
devices). Only the files whose names follow the official pattern are read.
"""

from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from bilan_tui.i18n import _

from .errors import ReferentielError

MAX_FILE_BYTES = 60 * 1024 * 1024
"""One official file is under 3 MB; anything above this cap is not one."""

MAX_TOTAL_BYTES = 200 * 1024 * 1024
"""The whole official distribution is about 25 MB uncompressed."""

MAX_MEMBERS = 500

FILE_NAME = re.compile(r"^unix_(?P<name>[a-z0-9_]+?)_v(?P<version>\d{3,4})_utf8\.csv$")
VERSION_FILE = "version.txt"


@dataclass
class SourceFiles:
    """The official files found, by short name (``referentiel_code_rome``), as bytes.

    Attributes:
        origin: The zip or folder given.
        version_code: The number in the file names (``460``).
        files: Raw contents by short name.
        version_txt: The raw ``version.txt``, if present.
    """

    origin: Path
    version_code: int
    files: dict[str, bytes] = field(default_factory=dict)
    version_txt: bytes | None = None


def _refuse(message: str) -> ReferentielError:
    return ReferentielError(message)


def _unsafe_member(name: str) -> bool:
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in PurePosixPath(name.replace("\\", "/")).parts


def _read_capped(stream: IO[bytes], name: str) -> bytes:
    """Read at most :data:`MAX_FILE_BYTES` from a binary stream, refusing more."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(
            _("{name} is larger than {limit} MB: this is not an official ROME file.").format(
                name=name, limit=MAX_FILE_BYTES // (1024 * 1024)
            )
        )
    return bytes(data)


class _Budget:
    """The total uncompressed size read so far, against :data:`MAX_TOTAL_BYTES`."""

    def __init__(self) -> None:
        self.total = 0

    def spend(self, size: int) -> None:
        self.total += size
        if self.total > MAX_TOTAL_BYTES:
            raise _refuse(
                _(
                    "The files add up to more than {limit} MB: this is not the ROME distribution."
                ).format(limit=MAX_TOTAL_BYTES // (1024 * 1024))
            )


def _version_of(names: dict[str, str]) -> int:
    """The single version code of the official file names, e.g. 460."""
    versions = {match["version"] for base in names if (match := FILE_NAME.match(base))}
    if len(versions) > 1:
        raise _refuse(
            _(
                "The files belong to several versions ({versions}): give one version at a time."
            ).format(versions=", ".join(sorted(f"v{v}" for v in versions)))
        )
    if not versions:
        raise _refuse(
            _("No ROME file found (expected names like unix_referentiel_code_rome_v460_utf8.csv).")
        )
    return int(versions.pop())


def _from_zip(path: Path) -> SourceFiles:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise _refuse(_("{path} is not a zip file.").format(path=path)) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise _refuse(_("{path} holds too many files to be the ROME zip.").format(path=path))
        wanted: dict[str, zipfile.ZipInfo] = {}
        for info in members:
            if _unsafe_member(info.filename):
                raise _refuse(
                    _("The zip holds a file outside its folder ({name}): refused.").format(
                        name=info.filename
                    )
                )
            if info.is_dir():
                continue
            base = PurePosixPath(info.filename).name
            if FILE_NAME.match(base) or base == VERSION_FILE:
                if base in wanted:
                    raise _refuse(_("The zip holds {name} twice.").format(name=base))
                wanted[base] = info
        source = SourceFiles(path, _version_of({name: name for name in wanted}))
        budget = _Budget()
        for base, info in wanted.items():
            budget.spend(info.file_size)
            try:
                with archive.open(info) as stream:
                    data = _read_capped(stream, base)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
                raise _refuse(
                    _("{name} cannot be read from the zip (damaged or unsupported).").format(
                        name=base
                    )
                ) from None
            budget.spend(max(0, len(data) - info.file_size))
            _store(source, base, data)
    return source


def _from_folder(path: Path) -> SourceFiles:
    try:
        entries = sorted(path.iterdir())
    except OSError:
        raise _refuse(_("{path} cannot be read.").format(path=path)) from None
    wanted = {entry.name: entry for entry in entries if FILE_NAME.match(entry.name)}
    if (path / VERSION_FILE).name in {entry.name for entry in entries}:
        wanted[VERSION_FILE] = path / VERSION_FILE
    source = SourceFiles(path, _version_of({name: name for name in wanted}))
    budget = _Budget()
    for base, entry in wanted.items():
        mode = entry.lstat().st_mode
        if not stat.S_ISREG(mode):
            raise _refuse(
                _("{name} is not a regular file (a link or a device): refused.").format(name=base)
            )
        budget.spend(entry.lstat().st_size)
        with entry.open("rb") as stream:
            _store(source, base, _read_capped(stream, base))
    return source


def _store(source: SourceFiles, base: str, data: bytes) -> None:
    if base == VERSION_FILE:
        source.version_txt = data
        return
    match = FILE_NAME.match(base)
    assert match is not None
    source.files[match["name"]] = data


def read_source(path: Path) -> SourceFiles:
    """Every official file of ``path`` (the zip or a folder of its CSVs), as bytes.

    Raises:
        ReferentielError: not a zip or folder, unsafe or oversized content, no
            official file, or files of several versions.
    """
    if path.is_dir():
        return _from_folder(path)
    if path.is_file():
        return _from_zip(path)
    if not path.exists():
        raise _refuse(_("{path} does not exist.").format(path=path))
    raise _refuse(_("{path} is neither a zip file nor a folder.").format(path=path))
