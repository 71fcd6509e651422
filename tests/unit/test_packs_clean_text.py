"""clean_text: nothing a terminal would interpret survives, everything readable does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain.text import clean_text

BIDI = {chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def is_forbidden(char: str) -> bool:
    """Control characters other than newline and tab, and bidi overrides/isolates."""
    code = ord(char)
    if char in "\n\t":
        return False
    return code < 0x20 or 0x7F <= code <= 0x9F or char in BIDI


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b[1;38;5;196mbold\x1b[m", "bold"),
        ("\x1b]0;new window title\x07text", "text"),
        ("\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x9b2Jcleared", "cleared"),
        ("before\x1bcafter", "beforeafter"),
        ("\x1b(0line drawing", "line drawing"),
        ("abc\u202edef\u2066ghi\u2069", "abcdefghi"),
        ("bell\x07 and null\x00", "bell and null"),
        ("carriage\r\nreturn", "carriage\nreturn"),
        ("del\x7f and c1\x85", "del and c1"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("Ma réalisation — « très » fière 🎉", "Ma réalisation — « très » fière 🎉"),
        ("[bold]markup[/] stays text", "[bold]markup[/] stays text"),
    ],
)
def test_examples(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_unterminated_osc_does_not_swallow_the_text() -> None:
    cleaned = clean_text("\x1b]0;title with no end, then the answer")
    assert cleaned.endswith("title with no end, then the answer")
    assert "\x1b" not in cleaned


@given(st.text())
def test_output_has_no_control_characters(text: str) -> None:
    assert not any(is_forbidden(char) for char in clean_text(text))


@given(st.text())
def test_cleaning_twice_changes_nothing(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs"))))
def test_text_without_controls_is_unchanged_unless_bidi(text: str) -> None:
    expected = "".join(char for char in text if char not in BIDI)
    assert clean_text(text) == expected


def is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\x1b[]\x07\x9b;0m")))
def test_cleaning_only_deletes_characters(text: str) -> None:
    assert is_subsequence(clean_text(text), text)
