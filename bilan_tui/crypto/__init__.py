"""Encryption at rest: a passphrase-wrapped data key, SQLCipher connections, the migrations.

A workbook is either plain (an SQLite file) or encrypted (an SQLCipher file
whose random 256-bit data key is kept, wrapped under the person's passphrase,
in a key file beside it). Which one is read from the file's first bytes, never
from a setting: an encrypted file does not begin with SQLite's magic string.

- ``keyfile``: create, unwrap and rewrap the key file (argon2id, AES-GCM).
- ``keyring``: the data keys unlocked in this process.
- ``sqlcipher``: connections with the key set and the log silenced.
- ``migrate``: turn encryption on or off, kill-safe.

Nothing here imports Textual; ``sqlcipher3``, ``argon2`` and ``cryptography``
are imported on first use only, so a plain workbook never pays for them.
"""
