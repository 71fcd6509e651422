"""Code run in child processes by the encryption kill test (kept importable by name)."""

from __future__ import annotations

from multiprocessing.connection import Connection
from pathlib import Path

PASS = "kill me softly"


def toggle_encryption_until_killed(path: str, acks: Connection) -> None:
    """Encrypt, then decrypt, the workbook and its backups, forever, from whatever state."""
    from bilan_tui.crypto import keyfile, migrate

    workbook = Path(path)
    acks.send_bytes(b"open")
    while True:
        if migrate.is_encrypted(workbook):
            migrate.decrypt_workbook(workbook, keyfile.unlock(workbook, PASS))
            acks.send_bytes(b"plain")
        else:
            migrate.encrypt_workbook(workbook, PASS)
            acks.send_bytes(b"encrypted")
