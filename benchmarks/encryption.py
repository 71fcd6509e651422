"""Encryption at rest against the plain workbook: unlock, 20 × open, autosave (#16).

``python -m benchmarks.encryption [--quick]``. Builds the demo workbook on a
real disk, copies it twice, encrypts one copy (``bilan encrypt``'s code),
then times, alternating the two so that the machine's load hits both alike:

- unlock: unwrapping the data key from the key file (argon2id), once per
  opening by a person; the goal is 0.2–0.5 s;
- 20 × open: open the session as the interface does and read the
  dashboard's data, twenty times in a row; goal: within 10 % of plain;
- autosave: ``save_answers`` of a few answers (``synchronous=FULL``); goal:
  within 10 % of plain, median and p99.

Keystrokes are not timed here: typing touches no storage (the autosave is
debounced), so an encrypted workbook cannot change them. A report, not a
gate: the exit status is 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bilan_tui.crypto import keyfile, keyring, migrate
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.model import Pack
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store.repository import open_workbook

from .common import FULL, LANGUAGE, QUICK, Settings, median, percentile, progress, scratch_parent
from .storage import AUTOSAVE_FIELDS, WARMUP_WRITES
from .workbooks import copy_workbook, make_demo

PASSPHRASE = "benchmark passphrase"
OPENS = 20


def _open_twenty(path: Path, pack: Pack) -> float:
    """Wall seconds for 20 opens of the session with the dashboard's data read."""
    start = time.perf_counter()
    for _ in range(OPENS):
        session = WorkbookSession.open(path, pack, language=LANGUAGE, create=False, integrity=False)
        try:
            session.dashboard_data()
        finally:
            session.close(back_up=False)
    return time.perf_counter() - start


def _autosave(
    settings: Settings, plain: Path, encrypted: Path, pack: Pack
) -> dict[str, list[float]]:
    """Milliseconds per ``save_answers``, alternating the two workbooks."""
    books = {
        "plain": open_workbook(plain, create=False),
        "encrypted": open_workbook(encrypted, create=False),
    }
    times: dict[str, list[float]] = {name: [] for name in books}
    keys = [AnswerKey(pack.id, "situation", field) for field in AUTOSAVE_FIELDS]
    try:
        for index in range(WARMUP_WRITES + settings.saves):
            text = f"text {index} " * 8
            for name, workbook in books.items():
                start = time.perf_counter()
                workbook.save_answers([Answer(key, text) for key in keys])
                if index >= WARMUP_WRITES:
                    times[name].append((time.perf_counter() - start) * 1000)
    finally:
        for workbook in books.values():
            workbook.close()
    return times


def run(settings: Settings, folder: Path) -> list[tuple[str, str, str, str, str]]:
    """The table's rows: what, plain, encrypted, ratio, goal."""
    pack = load_shipped_pack(LANGUAGE)
    progress("demo workbook")
    demo = make_demo(folder / "data", pack)
    plain, encrypted = folder / "plain.sqlite", folder / "encrypted.sqlite"
    copy_workbook(demo, plain)
    copy_workbook(demo, encrypted)
    progress("encrypting")
    start = time.perf_counter()
    data_key = migrate.encrypt_workbook(encrypted, PASSPHRASE)
    encrypt_s = time.perf_counter() - start
    progress("unlock")
    unlocks = []
    for _ in range(settings.repeats):
        start = time.perf_counter()
        keyfile.unlock(encrypted, PASSPHRASE)
        unlocks.append(time.perf_counter() - start)
    keyring.remember(encrypted, data_key)
    progress(f"{OPENS} x open")
    for warm in (plain, encrypted):  # imports, caches
        _open_twenty(warm, pack)
    opens: dict[str, list[float]] = {"plain": [], "encrypted": []}
    for _ in range(settings.repeats):
        opens["plain"].append(_open_twenty(plain, pack))
        opens["encrypted"].append(_open_twenty(encrypted, pack))
    progress(f"autosave x{settings.saves}")
    saves = _autosave(settings, plain, encrypted, pack)
    open_plain, open_enc = median(opens["plain"]) * 1000, median(opens["encrypted"]) * 1000
    rows = [
        ("unlock (argon2id, key file)", "", f"{median(unlocks) * 1000:.0f} ms", "", "0.2–0.5 s"),
        (f"{OPENS} × open + dashboard", f"{open_plain:.0f} ms", f"{open_enc:.0f} ms",
         f"{open_enc / open_plain:.2f}", "≤ 1.10"),
    ]  # fmt: skip
    for label, statistic in (("median", median), ("p99", lambda v: percentile(v, 0.99))):
        ours, theirs = statistic(saves["encrypted"]), statistic(saves["plain"])
        rows.append(
            (f"autosave {label}", f"{theirs:.2f} ms", f"{ours:.2f} ms", f"{ours / theirs:.2f}",
             "≤ 1.10")
        )  # fmt: skip
    rows.append(("encrypt the demo (once)", "", f"{encrypt_s * 1000:.0f} ms", "", ""))
    return rows


def render(rows: Sequence[tuple[str, str, str, str, str]]) -> str:
    """A Markdown table."""
    lines = ["| what | plain | encrypted | ratio | goal |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.encryption")
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a first look")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    folder = Path(tempfile.mkdtemp(prefix="bilan-bench-crypto-", dir=scratch_parent()))
    try:
        print(render(run(settings, folder)))
    finally:
        keyring.forget()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
