"""Prove the installed SQLCipher wheel encrypts: open, write, reopen, refuse a wrong key.

Run by ``.ci/run`` from outside the source tree, against the installed
package, so a wheel without working encryption fails the build.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path

from bilan_tui.crypto import sqlcipher

MARKER = b"bilan-ci-marker"


def main() -> int:
    """Exit 0 if every step behaves, else 1 with the step that failed."""
    key, wrong = secrets.token_bytes(32), secrets.token_bytes(32)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ci.sqlite"
        connection = sqlcipher.connect(str(path), key, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE t (x TEXT)")
        connection.execute("INSERT INTO t VALUES (?)", (MARKER.decode(),))
        connection.close()
        if any(MARKER in p.read_bytes() for p in Path(folder).iterdir()):
            print("sqlcipher: the marker is readable on disk", file=sys.stderr)
            return 1
        connection = sqlcipher.connect(str(path), key)
        rows = connection.execute("SELECT x FROM t").fetchall()
        connection.close()
        if rows != [(MARKER.decode(),)]:
            print("sqlcipher: reopening lost the row", file=sys.stderr)
            return 1
        if sqlcipher.opens_with(str(path), wrong):
            print("sqlcipher: a wrong key opened the file", file=sys.stderr)
            return 1
    print("sqlcipher ok:", sqlcipher.cipher_module().sqlite_version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
