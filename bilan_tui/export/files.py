"""Writing an export: a private file (0600), never over an existing one.

The file is created with ``O_EXCL``, so an existing file is never replaced,
not even one that appeared a moment ago. A default name that is taken gets a
number ("-2", "-3"...); a name the person chose that is taken is refused.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path

MAX_NUMBERED = 999

FILE_MODE = 0o600


class ExportExists(FileExistsError):
    """The chosen file already exists: nothing was written."""


# File names are read in a file manager, in the document's language; plain
# ASCII so that they survive every disk, mail and archive.
NAME_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "synthese": "synthese",
        "detail": "detail",
        "homework": "devoirs",
        "evaluation": "avis-sur-le-bilan",
        "consultant": "consultant",
        "cep": "cep",
        "employer": "employeur",
        "funder": "financeur",
        "other": "autre",
        "suivi": "suivi",
    },
    "en": {
        "synthese": "synthesis",
        "detail": "detailed-results",
        "homework": "homework",
        "evaluation": "evaluation",
        "consultant": "consultant",
        "cep": "cep",
        "employer": "employer",
        "funder": "funder",
        "other": "other",
        "suivi": "follow-up",
    },
}


def default_name(
    workbook: str,
    scope: str,
    recipient: str,
    day: datetime.date,
    ext: str,
    language: str = "fr",
) -> str:
    """``demo-synthese-2025-03-12.md`` in French, ``demo-synthesis-…`` in English.

    The recipient appears when it is not the person; scope and recipient are
    named in ``language``, the document's.
    """
    words = NAME_WORDS.get(language, NAME_WORDS["fr"])
    parts = [workbook or "bilan", words.get(scope, scope)]
    if recipient != "self":
        parts.append(words.get(recipient, recipient))
    parts.append(day.isoformat())
    return "-".join(parts) + ext


Before = Callable[[Path], object]
"""Called with the file's path once its name is taken, before any content is written."""


def _create(path: Path, data: bytes, before: Before | None = None) -> None:
    """Create ``path`` 0600 and write ``data``; ``FileExistsError`` if it exists.

    ``before`` runs once the (still empty) file holds its name and before a
    byte of the export is written: the consent to a copy for someone else is
    recorded there, so a kill at any moment never leaves a copy without its
    consent. If it fails, the empty file is removed.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)
        if before is not None:
            before(path)
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
        os.fsync(descriptor)
    except BaseException:
        os.close(descriptor)
        path.unlink(missing_ok=True)
        raise
    os.close(descriptor)


def _encoded(text: str | bytes) -> bytes:
    """Text as UTF-8; a PDF or DOCX is already bytes."""
    return text if isinstance(text, bytes) else text.encode("utf-8")


def write_new(path: Path, text: str | bytes, before: Before | None = None) -> Path:
    """Write ``text`` (or a binary file's bytes) to ``path``, which must not exist yet.

    Raises:
        ExportExists: ``path`` exists (it is left untouched).
    """
    try:
        _create(path, _encoded(text), before)
    except FileExistsError:
        raise ExportExists(path) from None
    return path


def write_numbered(
    folder: Path, name: str, text: str | bytes, before: Before | None = None
) -> Path:
    """Write into ``folder`` under ``name``, or ``name-2``, ``name-3``... if taken.

    Returns:
        The path actually written.
    """
    stem, suffix = os.path.splitext(name)
    for number in range(1, MAX_NUMBERED + 1):
        candidate = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
        try:
            _create(candidate, _encoded(text), before)
        except FileExistsError:
            continue
        return candidate
    raise ExportExists(folder / name)
