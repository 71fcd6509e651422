"""Fixtures of the unit tests: the shipped packs and the demo built on them."""

from __future__ import annotations

import pytest

from bilan_tui.domain.model import Pack
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.demo.script import DemoScript, demo_script

from .demo_helpers import LANGUAGES, REFERENCE


@pytest.fixture(scope="module", params=LANGUAGES)
def pack(request: pytest.FixtureRequest) -> Pack:
    return load_shipped_pack(request.param)


@pytest.fixture(scope="module")
def script(pack: Pack) -> DemoScript:
    return demo_script(pack, REFERENCE)
