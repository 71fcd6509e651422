"""User text stays text: whatever the person types comes out exactly as typed.

The escapes are checked against a full CommonMark parser with raw HTML, tables
and strikethrough turned on (what other Markdown readers do), and against the
lean parser the HTML export uses.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bilan_tui.domain.text import clean_text
from bilan_tui.export.escape import escape_block, escape_cell, escape_inline
from bilan_tui.export.html import markdown_parser, to_html

FULL = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
PARSERS = [FULL, markdown_parser()]

TRICKY = [
    "# Heading\n## Sub",
    "- item\n* item\n+ item\n1. first\n2) second",
    "> quoted",
    "    indented code",
    "```python\ncode\n```",
    "~~~\nfence\n~~~",
    "<script>alert(1)</script> <b>bold</b> <!-- comment -->",
    "[link](https://example.com) ![image](https://example.com/x.png) <https://a.b>",
    "[ref]: https://example.com",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "*em* _em_ **strong** __strong__ ~~strike~~ `code`",
    "Title\n=====",
    "Title\n-----",
    "***\n---\n___",
    "&amp; &#65; &copy; R&D",
    "trailing backslash \\",
    "\\# escaped already",
    "  leading and trailing spaces  ",
    "\n\nblank lines\n\n\nbetween\n\n",
    "\t tab start",
    "2024. A year to remember",
    "C#  and F#",
    "[/] [@click=app.quit] markup-like",
    "«\u00a0guillemets\u00a0» and l'apostrophe",
]


def rendered_text(tokens: list[Token]) -> str:
    """The text a paragraph's inline children carry, breaks as newlines."""
    parts = []
    for token in tokens:
        for child in token.children or []:
            parts.append(child.content if child.type == "text" else "\n")
    return "".join(parts)


def assert_paragraph_only(source: str, parser: MarkdownIt, expected: str) -> None:
    tokens = parser.parse(source)
    assert {token.type for token in tokens} <= {"paragraph_open", "inline", "paragraph_close"}
    for token in tokens:
        for child in token.children or []:
            assert child.type in {"text", "softbreak", "hardbreak"}, (child.type, source)
    assert rendered_text(tokens) == expected


@pytest.mark.parametrize("parser", PARSERS, ids=["full-commonmark", "export-parser"])
@pytest.mark.parametrize("text", TRICKY)
def test_typed_markdown_and_html_come_out_as_typed(parser: MarkdownIt, text: str) -> None:
    assert_paragraph_only(escape_block(text), parser, text)


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("")
@example("\x1b[31mred\x1b[0m")
def test_any_answer_renders_as_its_own_text(text: str) -> None:
    """The property of the issue: only paragraph, text and break tokens; the text round-trips."""
    for parser in PARSERS:
        assert_paragraph_only(escape_block(text), parser, clean_text(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_text_is_a_literal_heading(text: str) -> None:
    expected = " ".join(clean_text(text).split("\n"))
    tokens = FULL.parse("## " + escape_inline(text))
    assert [token.type for token in tokens] == ["heading_open", "inline", "heading_close"]
    children = tokens[1].children or []
    assert all(child.type == "text" for child in children)
    assert "".join(child.content for child in children) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_one_literal_table_cell(text: str) -> None:
    source = f"| h | x |\n|---|---|\n| {escape_cell(text)} | y |"
    tokens = FULL.parse(source)
    cells = [token for token in tokens if token.type == "inline"]
    assert len(cells) == 4
    assert all(child.type == "text" for cell in cells for child in cell.children or [])
    assert "".join(child.content for child in cells[2].children or []) == " ".join(
        clean_text(text).split()
    )


def test_plain_prose_is_left_readable() -> None:
    text = "Qu'est-ce qui m'amène ? L'envie d'être utile : aider, former (un peu)."
    assert escape_block(text) == text


def test_html_of_typed_html_is_inert() -> None:
    typed = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
    page = to_html(escape_block(typed), title="t", language="fr")
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<a " not in page and "href=" not in page
