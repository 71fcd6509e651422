"""The key file: the workbook's data key, wrapped under a key derived from the passphrase.

The database is encrypted with a random 256-bit *data key* (no key
derivation per open: SQLCipher takes it raw). That key is stored only
wrapped: AES-256-GCM under a key derived from the passphrase with argon2id,
whose parameters and salt are written beside it, so that they can be raised
later without breaking older files. The header fields are the AES-GCM
associated data: changing a parameter in the file makes unwrapping fail
rather than derive a weaker key.

Changing the passphrase rewraps the same data key: the database and its
backups are not rewritten. Two copies are kept (beside the workbook, and in
its backups folder) so that one damaged file does not lose everything;
``bilan wipe`` destroys both first, which makes every copy of the database
unreadable (crypto-erase).

Files are written ``0600`` under a temporary name, flushed, then renamed:
a kill leaves the old key file or the new one, never half of one.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilan_tui.i18n import _
from bilan_tui.store.files import backup_dir, create_private_file, make_private_dir, sync_dir

from .errors import KeyFileError, WrongPassphrase

FORMAT = "bilan-tui key"
VERSION = 1
KEY_BYTES = 32
SUFFIX = ".key"


@dataclass(frozen=True)
class KdfParams:
    """argon2id parameters; the defaults unlock in about 0.2–0.5 s on a laptop.

    Attributes:
        time_cost: Passes over the memory.
        memory_kib: Memory used, in KiB (64 MiB by default).
        parallelism: Lanes.
        salt: Random, 16 bytes, new for every wrap.
    """

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 1
    salt: bytes = b""

    def to_json(self) -> dict[str, Any]:
        """The ``kdf`` member of the file."""
        return {
            "name": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
            "salt": _b64(self.salt),
        }


def key_path(workbook: Path) -> Path:
    """The key file beside the workbook (``<name>.sqlite.key``)."""
    return workbook.with_name(workbook.name + SUFFIX)


def key_copy_path(workbook: Path) -> Path:
    """The second copy, in the backups folder (``backups/<name>.sqlite.key``)."""
    return backup_dir(workbook) / (workbook.name + SUFFIX)


def key_files(workbook: Path) -> list[Path]:
    """Both places a key file of ``workbook`` may be, the one beside it first."""
    return [key_path(workbook), key_copy_path(workbook)]


def existing_key_files(workbook: Path) -> list[Path]:
    """The key files of ``workbook`` that exist (their temporary files included)."""
    found: list[Path] = []
    for path in key_files(workbook):
        for candidate in (path, path.with_name(path.name + ".tmp")):
            if candidate.exists():
                found.append(candidate)
    return found


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive(passphrase: str, params: KdfParams) -> bytes:
    """The wrapping key: argon2id over the passphrase (UTF-8) and the salt."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _associated(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def wrap(data_key: bytes, passphrase: str, params: KdfParams | None = None) -> dict[str, Any]:
    """The key file's content for ``data_key`` under ``passphrase`` (a new salt and nonce)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    base = params or KdfParams()
    params = KdfParams(base.time_cost, base.memory_kib, base.parallelism, secrets.token_bytes(16))
    header = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": params.to_json(),
        "cipher": "AES-256-GCM",
    }
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(derive(passphrase, params)).encrypt(nonce, data_key, _associated(header))
    return {**header, "nonce": _b64(nonce), "wrapped_key": _b64(wrapped)}


def _parse(path: Path, content: dict[str, Any]) -> tuple[dict[str, Any], KdfParams, bytes, bytes]:
    if content.get("format") != FORMAT:
        raise KeyFileError(path, _("it is not a bilan key file"))
    if content.get("version") != VERSION:
        raise KeyFileError(
            path,
            _("it was written by a newer version (format {version})").format(
                version=content.get("version")
            ),
        )
    try:
        kdf = content["kdf"]
        if kdf["name"] != "argon2id" or content["cipher"] != "AES-256-GCM":
            raise ValueError("unknown algorithm")
        params = KdfParams(
            int(kdf["time_cost"]),
            int(kdf["memory_kib"]),
            int(kdf["parallelism"]),
            _unb64(kdf["salt"]),
        )
        nonce, wrapped = _unb64(content["nonce"]), _unb64(content["wrapped_key"])
    except (KeyError, TypeError, ValueError):
        raise KeyFileError(path, _("it is damaged")) from None
    header = {key: content[key] for key in ("format", "version", "kdf", "cipher")}
    return header, params, nonce, wrapped


def unwrap_content(path: Path, content: dict[str, Any], passphrase: str) -> bytes:
    """The data key held in ``content``.

    Raises:
        WrongPassphrase: The passphrase does not open it.
        KeyFileError: The content is not a key file this version reads.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, params, nonce, wrapped = _parse(path, content)
    try:
        data_key = AESGCM(derive(passphrase, params)).decrypt(nonce, wrapped, _associated(header))
    except InvalidTag:
        raise WrongPassphrase(path) from None
    if len(data_key) != KEY_BYTES:
        raise KeyFileError(path, _("it is damaged"))
    return data_key


def read_key_file(path: Path) -> dict[str, Any]:
    """The JSON content of a key file.

    Raises:
        KeyFileError: Missing, unreadable or not JSON.
    """
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyFileError(path, _("it is missing")) from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise KeyFileError(path, _("it is damaged")) from None
    if not isinstance(content, dict):
        raise KeyFileError(path, _("it is damaged"))
    return content


def unlock(workbook: Path, passphrase: str) -> bytes:
    """The data key of ``workbook``, from the first of its key files that can be read.

    Raises:
        WrongPassphrase: A key file was read and the passphrase does not open it.
        KeyFileError: No key file could be read at all.
    """
    wrong: WrongPassphrase | None = None
    problem: KeyFileError | None = None
    for path in key_files(workbook):
        try:
            return unwrap_content(path, read_key_file(path), passphrase)
        except WrongPassphrase:
            wrong = wrong or WrongPassphrase(workbook)
        except KeyFileError as error:
            problem = problem or error
    if wrong is not None:
        raise wrong
    assert problem is not None
    raise problem


def write_key_file(path: Path, content: dict[str, Any]) -> None:
    """Write a key file ``0600`` in one step (temporary name, fsync, rename, fsync folder)."""
    make_private_dir(path.parent)
    temp = path.with_name(path.name + ".tmp")
    temp.unlink(missing_ok=True)
    create_private_file(temp)
    data = json.dumps(content, indent=2).encode("utf-8") + b"\n"
    fd = os.open(temp, os.O_WRONLY)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    sync_dir(path.parent)


def store_key(workbook: Path, data_key: bytes, passphrase: str) -> None:
    """Write both key files of ``workbook`` for ``data_key`` under ``passphrase``.

    Each copy gets its own salt: the same passphrase never yields the same file.
    """
    for path in key_files(workbook):
        write_key_file(path, wrap(data_key, passphrase))


def new_data_key() -> bytes:
    """A fresh random 256-bit data key."""
    return secrets.token_bytes(KEY_BYTES)


def change_passphrase(workbook: Path, old: str, new: str) -> None:
    """Rewrap the data key under ``new``; the database is not touched.

    Raises:
        WrongPassphrase: ``old`` does not open the key file (nothing changed).
    """
    data_key = unlock(workbook, old)
    store_key(workbook, data_key, new)
