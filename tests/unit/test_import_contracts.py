"""The import-linter contracts of ``pyproject.toml`` hold, and they would catch a bad import.

The contracts state DESIGN §2 (cli → ui → services → export | store | packs
→ domain; nothing below ``ui`` imports Textual). A contract that never fails
proves nothing, so each bad import below is written into a copy of the
package and ``lint-imports`` must refuse it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LINT = (
    "import sys\n"
    "from importlinter.cli import lint_imports\n"
    "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
)


def _lint(where: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` in ``where`` (it puts its working folder first on the path)."""
    return subprocess.run(
        [sys.executable, "-c", LINT], cwd=where, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's Python files and the project's contracts, in a scratch folder."""
    where = tmp_path_factory.mktemp("contracts")
    shutil.copytree(
        ROOT / "bilan_tui",
        where / "bilan_tui",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "data", "*.tcss"),
    )
    shutil.copy(ROOT / "pyproject.toml", where / "pyproject.toml")
    return where


def test_the_contracts_hold() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "broken"),
    [
        # An export reaching up for the session (what issue #22 found).
        (
            "export/doc.py",
            "from bilan_tui.services.session import WorkbookSession",
            "bilan_tui.export is not allowed to import bilan_tui.services",
        ),
        # Export and store are siblings: neither imports the other.
        (
            "export/doc.py",
            "from bilan_tui.store import errors",
            "bilan_tui.export is not allowed to import bilan_tui.store",
        ),
        # An export is handed its snapshot; it never looks for files itself.
        (
            "export/html.py",
            "from bilan_tui import paths",
            "bilan_tui.export is not allowed to import bilan_tui.paths",
        ),
        # The domain stays below the text catalogs.
        (
            "domain/model.py",
            "from bilan_tui.i18n import _",
            "bilan_tui.domain is not allowed to import bilan_tui.i18n",
        ),
        # A service never reaches for the interface.
        (
            "services/labels.py",
            "from bilan_tui.ui import app",
            "bilan_tui.services is not allowed to import bilan_tui.ui",
        ),
        # Nothing below ui imports Textual, even through a module of its own.
        ("store/lock.py", "import textual", "bilan_tui.store is not allowed to import textual"),
        # A type-only import is a dependency too.
        (
            "packs/names.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import bilan_tui.cli",
            "bilan_tui.packs is not allowed to import bilan_tui.cli",
        ),
    ],
)
def test_a_bad_import_breaks_a_contract(
    copy: Path, module: str, bad_import: str, broken: str
) -> None:
    target = copy / "bilan_tui" / module
    original = target.read_text(encoding="utf-8")
    target.write_text(original + "\n" + bad_import + "\n", encoding="utf-8")
    try:
        done = _lint(copy)
    finally:
        target.write_text(original, encoding="utf-8")
    assert done.returncode != 0, done.stdout
    assert broken in done.stdout
