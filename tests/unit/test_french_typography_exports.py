"""French documents use one spacing style, whoever wrote the words: ours or hers.

Before a colon, a closing guillemet, after an opening one, the space is a
no-break space; before ; ! ? a narrow no-break space; thousands and units stay
on the number's line. English documents are left as written.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.export.api import render
from bilan_tui.export.french_typography import NARROW_NBSP, NBSP, typeset_french
from bilan_tui.export.options import ExportOptions
from bilan_tui.packs import load_shipped_pack
from tests.unit.export_helpers import REFERENCE, answer, demo_source, source_from

BREAKABLE = "[ \t\u2009]"


def french_spacing_problems(text: str) -> list[str]:
    """Every place where a French rule is broken, with a little context."""
    rules = [
        (BREAKABLE + r"+[:»]", "breakable space before : or »"),
        ("[ \t\u2009\u00a0]+[;!?]", "space before ; ! ? that is not a narrow no-break one"),
        ("«" + BREAKABLE, "breakable space after «"),
        (r"«[^\s\u00a0\u202f]", "no space after «"),
        (r"\d" + BREAKABLE + r"\d{3}(?!\d)", "a number cut at its thousands"),
        (r"\d" + BREAKABLE + r"(?:€|%)", "a unit cut from its number"),
    ]
    problems = []
    for pattern, what in rules:
        for found in re.finditer(pattern, text):
            start = max(found.start() - 20, 0)
            problems.append(f"{what}: {text[start : found.end() + 5]!r}")
    return problems


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("scope", ["synthese", "detail"])
def test_the_french_demo_documents_follow_french_spacing(scope: str, fmt: str) -> None:
    options = ExportOptions(scope=scope, format=fmt, generated_on=REFERENCE)
    text = render(demo_source("fr"), options).text
    assert french_spacing_problems(text) == []
    assert "’" not in text, "one apostrophe style: the straight one of the content"


def test_her_own_words_are_spaced_the_french_way_in_french_only() -> None:
    typed = "Pourquoi ? Parce que : « oui » ; 31 000 € et 87 % !"
    for language, expected in (
        (
            "fr",
            f"Pourquoi{NARROW_NBSP}? Parce que{NBSP}: «{NBSP}oui{NBSP}»{NARROW_NBSP}; "
            f"31{NARROW_NBSP}000{NBSP}€ et 87{NBSP}%{NARROW_NBSP}!",
        ),
        ("en", typed),
    ):
        pack = load_shipped_pack(language)
        source = source_from(pack, [answer("bilan", "demande", "declencheur", typed)])
        options = ExportOptions(scope="synthese", format="md", generated_on=REFERENCE)
        assert expected in render(source, options).text


@given(st.text(alphabet=" :;!?«»€%0123456789ab\u00a0\u202f", max_size=40))
def test_french_spacing_is_idempotent_and_changes_only_spaces(text: str) -> None:
    once = typeset_french(text)
    assert typeset_french(once) == once
    # Only spaces move: the other characters are the same, in the same order.
    assert re.sub("[ \u00a0\u202f]", "", once) == re.sub("[ \u00a0\u202f]", "", text)
