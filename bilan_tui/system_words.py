"""What the operating system (or SQLite) refused, in the person's words.

``OSError.strerror`` comes from the C library and is English whatever the
interface language ("No such file or directory"). Every place that shows a
system failure to a person goes through :func:`os_reason` instead, which
chooses the sentence from the error number, so the French interface reads
French and the English one reads the same plain words in English.
"""

from __future__ import annotations

import errno
from collections.abc import Callable

from bilan_tui.i18n import _

_REASONS: dict[int, Callable[[], str]] = {
    errno.ENOENT: lambda: _("the file or folder does not exist"),
    errno.EACCES: lambda: _("permission denied"),
    errno.EPERM: lambda: _("permission denied"),
    errno.ENOSPC: lambda: _("the disk is full"),
    errno.EROFS: lambda: _("the disk is read-only"),
    errno.EISDIR: lambda: _("it is a folder, not a file"),
    errno.ENOTDIR: lambda: _("part of the path is a file, not a folder"),
    errno.EEXIST: lambda: _("it already exists"),
    errno.EBUSY: lambda: _("it is in use by another program"),
    errno.EIO: lambda: _("the disk could not be read or written (input/output error)"),
    errno.ENAMETOOLONG: lambda: _("the name is too long"),
    errno.ELOOP: lambda: _("too many symbolic links (a link may point to itself)"),
    errno.EMFILE: lambda: _("too many files are open at once"),
    errno.ENFILE: lambda: _("too many files are open at once"),
}

if hasattr(errno, "EDQUOT"):  # not on every system
    _REASONS[errno.EDQUOT] = lambda: _("the disk quota is exceeded")


def os_reason(error: OSError) -> str:
    """The reason for ``error`` as a short phrase in the current language.

    Args:
        error: any ``OSError``; one without a known number gets a generic phrase.

    Returns:
        A lower-case phrase without a final full stop, e.g. "permission denied".
    """
    from bilan_tui.plain_files import FileTooLarge, NotAPlainFile

    if isinstance(error, (NotAPlainFile, FileTooLarge)):
        return str(error)  # already a phrase: "it is a named pipe (FIFO), not a file"
    phrase = _REASONS.get(error.errno) if error.errno is not None else None
    if phrase is not None:
        return phrase()
    return _("the operation was refused by the system")


def os_failure(error: OSError) -> str:
    """``error`` as one line: the reason, then the file concerned when known."""
    reason = os_reason(error)
    if error.filename:
        return _("{reason} ({path})").format(reason=reason, path=error.filename)
    return reason


_SQLITE_REASONS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("database or disk is full", lambda: _("the disk is full")),
    ("disk i/o error", lambda: _("the disk could not be read or written (input/output error)")),
    ("readonly database", lambda: _("the file or its folder is read-only")),
    ("unable to open database file", lambda: _("the file cannot be opened")),
    ("file is not a database", lambda: _("the file is not a database")),
    ("malformed", lambda: _("the file is damaged")),
)


def sqlite_reason(message: str) -> str:
    """SQLite's English ``message`` as a phrase in the current language.

    Args:
        message: ``str()`` of a ``sqlite3`` error ("database or disk is full").

    Returns:
        Our phrase for a known message; otherwise SQLite's own words, introduced
        as such, so that nothing is hidden from whoever helps.
    """
    lowered = message.lower()
    for words, phrase in _SQLITE_REASONS:
        if words in lowered:
            return phrase()
    return _("SQLite reports: {error}").format(error=message)
