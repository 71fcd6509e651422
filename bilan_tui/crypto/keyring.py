"""The data keys unlocked in this process, by workbook.

The key is asked for once (the unlock screen, ``getpass``) and then used by
every connection the storage layer opens: the workbook, its backups, a
restore's temporary copy. Keeping it here spares every signature between the
command line and the engine a ``key`` argument. Nothing is ever written to
disk from here.
"""

from __future__ import annotations

from pathlib import Path

_KEYS: dict[Path, bytes] = {}
_VERIFIED: set[tuple[Path, bytes]] = set()
"""Files already seen to open with a key: later connections skip the trial open."""


def _normal(path: Path) -> Path:
    return Path(path).resolve()


def remember(workbook: Path, data_key: bytes) -> None:
    """Keep ``workbook``'s data key for the life of the process (or until ``forget``)."""
    _KEYS[_normal(workbook)] = data_key


def forget(workbook: Path | None = None) -> None:
    """Drop one workbook's key, or every key."""
    if workbook is None:
        _KEYS.clear()
        _VERIFIED.clear()
    else:
        _KEYS.pop(_normal(workbook), None)


def key_of(workbook: Path) -> bytes | None:
    """The key unlocked for exactly this workbook, if any."""
    return _KEYS.get(_normal(workbook))


def candidate_keys(path: Path) -> list[bytes]:
    """The keys worth trying on ``path``: its own first, then every other unlocked one.

    A backup, a restore's temporary file or a copy made with ``bilan backup
    --output`` has the data key of the workbook it came from.
    """
    own = key_of(path)
    others = [key for key in _KEYS.values() if key != own]
    return ([own] if own is not None else []) + others


def verified(path: Path, data_key: bytes) -> bool:
    """Whether ``data_key`` was already seen to open ``path`` in this process."""
    return (_normal(path), data_key) in _VERIFIED


def mark_verified(path: Path, data_key: bytes) -> None:
    """Note that ``data_key`` opens ``path``."""
    _VERIFIED.add((_normal(path), data_key))
