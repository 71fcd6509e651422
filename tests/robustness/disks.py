"""Real read-only folders, read-only mounts and full disks, for the robustness tests.

Root writes through permission bits, so a folder made read-only is tried by
a child running as an ordinary account (``setpriv``, uid 65534) when the
tests run as root; a read-only mount and a full disk need a private mount
namespace (``unshare -m``), which only root has: those tests are skipped
elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534
IS_ROOT = os.geteuid() == 0


def _can_unshare() -> bool:
    if not IS_ROOT or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False, timeout=30)
    return probe.returncode == 0


CAN_MOUNT = _can_unshare()


@contextmanager
def user_folder() -> Iterator[Path]:
    """A fresh folder the child's account owns (``/tmp``: reachable by that account)."""
    folder = Path(tempfile.mkdtemp(prefix="bilan-disk-", dir="/tmp"))
    try:
        if IS_ROOT:
            os.chown(folder, NOBODY, NOBODY)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def bilan(home: Path, *args: str, shell: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``bilan`` (or ``shell``, a script calling ``$BILAN``) with ``home/data`` as data dir.

    As root, plain commands run as uid 65534; scripts run as root inside a
    private mount namespace, where they mount what they need.
    """
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "en_US.UTF-8",
        "BILAN_DATA_DIR": str(home / "data"),
        "BILAN": f"{sys.executable} -m bilan_tui",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    if shell is not None:
        argv = ["unshare", "-m", "sh", "-c", shell]
    else:
        argv = [sys.executable, "-m", "bilan_tui", "--lang", "en", *args]
        if IS_ROOT:
            argv = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *argv]
    return subprocess.run(
        argv, env=env, capture_output=True, text=True, check=False, timeout=120, cwd=home
    )


def own(path: Path) -> None:
    """Give ``path`` and everything under it to the child's account (as root)."""
    if not IS_ROOT:
        return
    for item in [path, *path.rglob("*")]:
        os.chown(item, NOBODY, NOBODY, follow_symlinks=False)
