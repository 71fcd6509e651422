"""One notation for keys everywhere (#20.14): the footer's (^s, esc, ⏎), in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "bilan_tui" / "locale"
OTHER_NOTATIONS = re.compile(r"\b[Cc]trl\+|\bCtrl\b|\bÉchap\b|\bEsc\b|press (Escape|Enter)\b")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_interface_texts_write_keys_as_the_footer_does(language: str) -> None:
    with (LOCALE / language / "LC_MESSAGES" / "bilan.po").open("rb") as file:
        catalog = read_po(file)
    found = []
    for message in catalog:
        if not message.id or not any(
            path.startswith("bilan_tui/ui/") for path, _line in message.locations
        ):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in (*ids, *strings):
            if text and OTHER_NOTATIONS.search(text):
                found.append(text)
    assert not found, found
