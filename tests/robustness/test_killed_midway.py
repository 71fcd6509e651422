"""Smaller things a kill or a choice of folder used to get wrong (#21.11).

A pack upgrade killed between its two renames left "No pack installed" and
stranded folders; an export killed after writing had no consent record; an
existing ``--data-dir`` she chose was made 0700, and missing parents were
created 0777 under umask 000. (A 0400 workbook's ``-shm``: see
``test_disk_refusals``; a workbook name linked to another: ``test_restore_race``.)
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from bilan_tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reseau-pro"


def run_killed(target: Any, *args: Any) -> int | None:
    """Run ``target(*args)`` in a forked child that kills itself where it chooses."""
    context = multiprocessing.get_context("fork")
    child = context.Process(target=target, args=args)
    child.start()
    child.join(timeout=120)
    return child.exitcode


def upgrade_killed_between_renames(source: str, data_dir: str) -> None:
    """``bilan pack install`` of a newer version, killed once the old pack is moved aside."""
    original = Path.rename

    def rename(self: Path, target: Any) -> Any:
        if self.name.startswith(".new-"):  # the second rename: the new pack into place
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, target)

    Path.rename = rename  # type: ignore[method-assign]
    main(["--data-dir", data_dir, "pack", "install", source])


def test_a_pack_upgrade_killed_midway_is_recovered_on_the_next_start(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "install", str(EXAMPLE)]) == 0
    newer = shutil.copytree(EXAMPLE, tmp_path / "newer")
    manifest = newer / "pack.toml"
    text = manifest.read_text("utf-8")
    manifest.write_text(text.replace('version = "1.0.0"', 'version = "1.1.0"'), "utf-8")
    assert 'version = "1.1.0"' in manifest.read_text("utf-8")
    capsys.readouterr()
    assert run_killed(upgrade_killed_between_renames, str(newer), str(data_dir)) == -9
    packs = data_dir / "packs"
    assert "reseau-pro" not in os.listdir(packs), "the kill came between the renames"
    assert main(["pack", "list"]) == 0
    out = capsys.readouterr().out
    assert "reseau-pro 1.0.0" in out, "the installed version is back"
    assert sorted(os.listdir(packs)) == ["reseau-pro"], "nothing stranded"
    assert main(["pack", "install", str(newer)]) == 0  # and the upgrade can be done again
    assert main(["pack", "list"]) == 0
    assert "reseau-pro 1.1.0" in capsys.readouterr().out
    assert sorted(os.listdir(packs)) == ["reseau-pro"]


def export_killed_while_writing(data_dir: str, output: str) -> None:
    """``bilan export`` for the consultant, killed once the copy holds its content."""
    original = os.fsync

    def fsync(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}") == output:
            os.kill(os.getpid(), signal.SIGKILL)
        original(fd)

    os.fsync = fsync
    argv = ["--data-dir", data_dir, "--lang", "en", "export", "--for", "consultant"]
    main([*argv, "--agree-to-share", "--despite-modalites", "--output", output])


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_an_export_killed_after_writing_has_its_consent_recorded(
    data_dir: Path, tmp_path: Path
) -> None:
    argv = ["--lang", "en", "hours", "add", "--date", "2026-11-20", "--duration", "1h"]
    assert main([*argv, "--phase", "preliminaire", "--kind", "personnel"]) == 0
    output = tmp_path / "for-the-consultant.md"
    assert run_killed(export_killed_while_writing, str(data_dir), str(output)) == -9
    assert output.exists() and output.stat().st_size > 0, "killed after writing the copy"
    connection = sqlite3.connect(data_dir / "workbooks" / "default.sqlite")
    try:
        consents = connection.execute("SELECT recipient, path FROM consent").fetchall()
    finally:
        connection.close()
    assert consents == [("consultant", str(output))]


def test_a_data_folder_she_chose_keeps_its_mode(tmp_path: Path) -> None:
    chosen = tmp_path / "shared-with-my-backup-tool"
    chosen.mkdir()
    chosen.chmod(0o750)
    argv = ["--data-dir", str(chosen), "hours", "add", "--date", "2026-11-20"]
    assert main([*argv, "--duration", "1h", "--phase", "preliminaire", "--kind", "personnel"]) == 0
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o750
    assert stat.S_IMODE((chosen / "workbooks").stat().st_mode) == 0o700


def test_missing_parents_are_private_under_umask_000(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        argv = ["--data-dir", str(tmp_path / "a" / "b" / "data"), "hours", "add"]
        argv += ["--date", "2026-11-20", "--duration", "1h", "--phase", "preliminaire"]
        assert main([*argv, "--kind", "personnel"]) == 0
    finally:
        os.umask(previous)
    for folder in ("a", "a/b", "a/b/data", "a/b/data/workbooks"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder
