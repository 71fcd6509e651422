"""The headless layers never import Textual (DESIGN §2)."""

from __future__ import annotations

import subprocess
import sys

HEADLESS = [
    "bilan_tui.domain",
    "bilan_tui.domain.model",
    "bilan_tui.domain.answers",
    "bilan_tui.domain.progress",
    "bilan_tui.domain.scoring",
    "bilan_tui.domain.ledger",
    "bilan_tui.domain.activity",
    "bilan_tui.packs",
    "bilan_tui.store",
    "bilan_tui.store.repository",
    "bilan_tui.store.quick_read",
    "bilan_tui.services.session",
    "bilan_tui.cli",
    "bilan_tui.cli.status",
    "bilan_tui.services.profile",
    "bilan_tui.services.demo.build",
    "bilan_tui.cli.demo",
    "bilan_tui.referentiel.importer",
    "bilan_tui.referentiel.reader",
    "bilan_tui.referentiel.matching",
    "bilan_tui.referentiel.messages",
    "bilan_tui.services.leads",
    "bilan_tui.services.export_source",
    "bilan_tui.services.status_report",
    "bilan_tui.domain.skills_gap",
    "bilan_tui.export.skills_gap",
]


def _modules_after_import(names: list[str]) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print('\\n'.join(sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_headless_packages_do_not_import_textual() -> None:
    loaded = _modules_after_import(HEADLESS)
    assert "textual" not in loaded
    assert not any(name.startswith("textual.") for name in loaded)


def test_domain_imports_neither_textual_nor_sqlmodel() -> None:
    loaded = _modules_after_import(
        [
            "bilan_tui.domain.model",
            "bilan_tui.domain.answers",
            "bilan_tui.domain.scoring",
            "bilan_tui.domain.ledger",
            "bilan_tui.domain.numbers",
            "bilan_tui.domain.skills_gap",
            "bilan_tui.domain.profile",
        ]
    )
    assert not {"textual", "sqlmodel", "sqlalchemy"} & loaded


def test_store_package_import_is_cheap() -> None:
    """``import bilan_tui.store`` must not pull SQLModel in (the first frame waits for it)."""
    loaded = _modules_after_import(["bilan_tui.store", "bilan_tui.cli"])
    assert "sqlmodel" not in loaded


def test_quick_read_imports_neither_sqlalchemy_nor_sqlmodel() -> None:
    """The dashboard's quick read runs before the storage layer is imported (DESIGN §12)."""
    loaded = _modules_after_import(
        [
            "bilan_tui.store.quick_read",
            "bilan_tui.services.session",
            "bilan_tui.services.homework.view",
        ]
    )
    assert not {"sqlmodel", "sqlalchemy", "pydantic"} & loaded


def test_referentiel_imports_neither_textual_nor_sqlmodel() -> None:
    """The referential is stdlib over the domain (DESIGN §2): sqlite3, csv, zipfile."""
    loaded = _modules_after_import(
        ["bilan_tui.referentiel.importer", "bilan_tui.referentiel.reader"]
    )
    assert not {"textual", "sqlmodel", "sqlalchemy"} & loaded
