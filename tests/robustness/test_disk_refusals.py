"""A full or read-only disk is told as what it is, never as a damaged workbook (#21.5).

Real disks, not mocks: a folder made read-only (checked by an ordinary
account), a read-only mount and a full ``tmpfs`` (both in a private mount
namespace, as root). Every read works from read-only media; a write says
"read-only" or "disk full", offers no backup, and changes nothing.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from bilan_tui.store import WorkbookDamaged, WorkbookIOError, errors

from .disks import CAN_MOUNT, bilan, own, user_folder

ADD = ("hours", "add", "--date", "2026-11-20", "--duration", "1h", "--phase", "preliminaire")
PERSONAL = (*ADD, "--kind", "personnel", "--note", "first")

READS: tuple[tuple[str, ...], ...] = (
    ("status",),
    ("status", "--json"),
    ("hours",),
    ("hours", "--json"),
    ("export", "--output", "{out}/synthesis.md"),
    ("backup", "--output", "{out}/copy.sqlite"),
)


def assert_not_called_damage(stderr: str) -> None:
    assert "cannot be read" not in stderr
    assert "restore" not in stderr.lower()
    assert "Traceback" not in stderr


def workbook_with_an_entry(home: Path) -> Path:
    done = bilan(home, *PERSONAL)
    assert done.returncode == 0, done.stderr
    return home / "data" / "workbooks" / "default.sqlite"


def test_a_read_only_folder_reads_everything_and_refuses_writes_plainly() -> None:
    with user_folder() as home:
        path = workbook_with_an_entry(home)
        out = home / "out"
        out.mkdir()
        own(out)
        before = sorted(p.name for p in path.parent.iterdir())
        path.chmod(0o400)
        path.parent.chmod(0o500)
        try:
            for argv in READS:
                done = bilan(home, *(arg.format(out=out) for arg in argv))
                assert done.returncode == 0, (argv, done.stderr)
                assert done.stderr == "", (argv, done.stderr)
            hours = json.loads(bilan(home, "hours", "--json").stdout)
            assert [entry["note"] for entry in hours["entries"]] == ["first"]
            refused = bilan(home, *ADD, "--kind", "personnel", "--note", "second")
            assert refused.returncode == 1
            assert "read-only" in refused.stderr
            assert_not_called_damage(refused.stderr)
            assert sorted(p.name for p in path.parent.iterdir()) == before, "nothing left behind"
        finally:
            path.parent.chmod(0o700)
            path.chmod(0o600)
        # #21.11: reading the 0400 workbook left a 0400 -shm that refused later writes.
        again = bilan(home, *ADD, "--kind", "personnel", "--note", "third")
        assert again.returncode == 0, again.stderr
        hours = json.loads(bilan(home, "hours", "--json").stdout)
        assert [entry["note"] for entry in hours["entries"]] == ["first", "third"]
        assert (out / "synthesis.md").stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(not CAN_MOUNT, reason="needs root and unshare for a read-only mount")
def test_read_only_media_read_everything_and_refuse_writes_plainly() -> None:
    with user_folder() as home:
        path = workbook_with_an_entry(home)
        data = home / "data"
        lines = [f"mount --bind -o ro {data} {data} || exit 99"]
        for argv in (*READS, PERSONAL):
            command = " ".join(arg.format(out=home) for arg in argv)
            lines.append(f'$BILAN --lang en {command} >/dev/null 2>"{home}/err"; echo "rc $?"')
            lines.append(f'cat "{home}/err"')
        done = bilan(home, shell="\n".join(lines))
        assert done.returncode != 99, done.stderr
        report = done.stdout.splitlines()
        codes = [line for line in report if line.startswith("rc ")]
        assert codes == ["rc 0"] * len(READS) + ["rc 1"], done.stdout
        refusal = report[-1]
        assert "the file or its folder is read-only" in refusal
        assert_not_called_damage(done.stdout)
        assert sorted(p.name for p in path.parent.iterdir()) == ["backups", "default.sqlite"]


@pytest.mark.skipif(not CAN_MOUNT, reason="needs root and unshare to mount a small disk")
def test_a_full_disk_is_told_as_a_full_disk_with_nothing_offered() -> None:
    with user_folder() as home:
        workbook_with_an_entry(home)
        bilan(home, "backup")  # a backup that an offer could name
        disk = home / "small"
        disk.mkdir()
        add = " ".join(PERSONAL)
        script = f"""
mount -t tmpfs -o size=1m tmpfs {disk} || exit 99
cp -a {home}/data {disk}/data
dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null
export BILAN_DATA_DIR={disk}/data
$BILAN --lang en {add}; echo "rc $?"
$BILAN --lang en status; echo "rc $?"
"""
        done = bilan(home, shell=script)
        assert done.returncode != 99, done.stderr
        assert done.stdout.splitlines()[-2:] == ["rc 1", "rc 1"], done.stdout
        messages = done.stderr.strip().splitlines()
        assert len(messages) == 2, done.stderr
        for message in messages:
            assert "the disk is full. Free some space" in message
            assert "not damaged" in message
        assert_not_called_damage(done.stderr)


@pytest.mark.parametrize(
    ("reason", "code", "kind", "disk"),
    [
        ("database or disk is full", 13, WorkbookIOError, "full"),
        ("attempt to write a readonly database", 8, WorkbookIOError, "read-only"),
        ("database disk image is malformed", 11, WorkbookDamaged, None),
        ("file is not a database", 26, WorkbookDamaged, None),
        ("no such table: ledger_entry", 1, WorkbookDamaged, None),
    ],
)
def test_sqlite_failures_are_sorted_into_disk_and_damage(
    tmp_path: Path, reason: str, code: int, kind: type, disk: str | None
) -> None:
    error = errors.sqlite_failure(tmp_path / "wb.sqlite", reason, code)
    assert type(error) is kind
    if disk is not None:
        assert getattr(error, "disk", None) == disk
    assert "Check that the disk is not full" not in str(error)


def test_the_backup_copy_made_from_a_read_only_workbook_is_private(tmp_path: Path) -> None:
    """(The copy is a normal, writable workbook: restoring it works.)"""
    from bilan_tui.store.repository import open_workbook

    path = tmp_path / "wb.sqlite"
    with open_workbook(path) as workbook:
        workbook.set_setting("k", "v")
    path.chmod(stat.S_IRUSR)
    try:
        with open_workbook(path, create=False) as workbook:
            copy = workbook.backup(tmp_path / "copy.sqlite")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with open_workbook(copy, create=False) as workbook:
        assert workbook.get_setting("k") == "v"
