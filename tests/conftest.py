"""Shared fixtures.

Tests run the interface in English (the source language of the catalogs) so
that assertions read the strings as written in the code; French is checked by
the catalog tests. Key bindings are translated where they are shown
(``bilan_tui/ui/binding_text.py``), so the order of this call and the imports
of ``bilan_tui.ui`` does not matter.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.i18n import set_language

set_language("en")

FIXTURES = Path(__file__).parent / "fixtures"
MINI_PACK = FIXTURES / "packs" / "mini"
SHIPPED_PACK_ID = "bilan"


@pytest.fixture(autouse=True)
def _private_umask_and_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data dir (never the real one) and umask 022."""
    data = tmp_path / "data"
    monkeypatch.setenv("BILAN_DATA_DIR", str(data))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    previous = os.umask(0o022)
    try:
        yield data
    finally:
        os.umask(previous)
        set_language("en")


@pytest.fixture(autouse=True)
def _strict_fields() -> Iterator[None]:
    """A field id a document asks of a shipped exercise that lacks it fails the test (a typo)."""
    from bilan_tui.export.values import STRICT_FIELDS

    token = STRICT_FIELDS.set(frozenset({SHIPPED_PACK_ID}))
    try:
        yield
    finally:
        STRICT_FIELDS.reset(token)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data dir the test's commands use (``$BILAN_DATA_DIR``)."""
    return tmp_path / "data"
