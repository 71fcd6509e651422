"""Language resolution and the catalogs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bilan_tui.i18n import _, resolve_language, set_language

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("requested", "saved", "env", "expected"),
    [
        ("en", "fr", {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, "en", {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, None, {"LANG": "en_GB.UTF-8"}, "en"),
        (None, None, {"LANG": "fr_CA.UTF-8"}, "fr"),
        (None, None, {"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR"}, "en"),
        (None, None, {"LANG": "de_DE.UTF-8"}, "fr"),
        (None, None, {}, "fr"),
        ("de", "xx", {}, "fr"),
    ],
)
def test_language_resolution_order(
    requested: str | None, saved: str | None, env: dict[str, str], expected: str
) -> None:
    assert resolve_language(requested, saved, env) == expected


def test_french_catalog_translates_interface_strings() -> None:
    set_language("fr")
    try:
        assert _("Quit") == "Quitter"
        assert _("Help") == "Aide"
    finally:
        set_language("en")
    assert _("Quit") == "Quit"


def test_catalogs_are_complete_and_compiled() -> None:
    """Every string in the code has a French translation and the .mo files are current."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
