"""The guidance drawn as lines: the look of Textual's Markdown, text kept literal."""

from __future__ import annotations

from bilan_tui.ui.widgets.guidance import guidance_lines, parse_guidance


def lines(markdown: str, width: int = 30) -> list[str]:
    return [line.plain.rstrip() for line in guidance_lines(parse_guidance(markdown), width)]


def test_paragraphs_are_wrapped_and_followed_by_a_blank_line() -> None:
    text = "**How to do it.** Answer quickly first, without editing yourself.\n\nThen read again."
    assert lines(text) == [
        "How to do it. Answer quickly",
        "first, without editing",
        "yourself.",
        "",
        "Then read again.",
        "",
    ]


def test_list_items_wrap_under_their_text_beside_the_bullet() -> None:
    text = "- a first item long enough to wrap twice here\n- second\n  - nested\n\nAfter."
    assert lines(text) == [
        "• a first item long enough to",
        "  wrap twice here",
        "• second",
        "  ▪ nested",
        "",
        "After.",
        "",
    ]


def test_ordered_lists_quotes_rules_and_code_keep_their_shape() -> None:
    text = "3. three\n4. four\n\n> quoted text\n\n---\n\n```\ncode  line\n```\n"
    assert lines(text, 20) == [
        " 3. three",
        " 4. four",
        "",
        "▌ quoted text",
        "",
        "────────────────────",
        "",
        "code  line",
        "",
    ]


def test_a_table_row_is_one_line() -> None:
    assert lines("| a | b |\n|---|---|\n| 1 | 2 |\n") == ["a │ b", "1 │ 2", ""]


def test_pack_text_is_never_markup_nor_control_characters() -> None:
    shown = lines("[bold]not bold[/] [@click=app.quit]x[/] \x1b[31mred")
    assert shown == ["[bold]not bold[/]", "[@click=app.quit]x[/] red", ""]


def test_the_same_guidance_is_parsed_once() -> None:
    assert parse_guidance("Once.") is parse_guidance("Once.")


# French typography (#20): no line starts with high punctuation or leaves « alone.

_HIGH = (":", ";", "!", "?", "»")


def _french_lines(markdown: str, width: int) -> list[str]:
    blocks = parse_guidance(markdown, french=True)
    return [line.plain.rstrip() for line in guidance_lines(blocks, width)]


def test_french_guidance_holds_its_punctuation_to_the_word_before() -> None:
    text = "Cette page sert à reprendre le fil\n: ce que vous avez pu faire ? « Oui » !"
    for width in range(10, 60):
        for line in _french_lines(text, width):
            assert not line.lstrip().startswith(_HIGH), (width, line)
            assert not line.endswith("«"), (width, line)


def test_english_guidance_is_not_typeset() -> None:
    text = "Read this : then answer ?"
    assert lines(text, 80) == ["Read this : then answer ?", ""]


def test_no_break_spaces_typed_in_a_pack_are_kept() -> None:
    assert lines("fil\u00a0: suite", 80) == ["fil\u00a0: suite", ""]


def test_no_line_of_any_shipped_french_guidance_starts_with_punctuation() -> None:
    from bilan_tui.packs import load_shipped_pack
    from bilan_tui.packs.guidance import shown_guidance

    pack = load_shipped_pack("fr")
    texts = [shown_guidance(exercise.guidance) for exercise in pack.exercises if exercise.guidance]
    assert texts
    for text in texts:
        blocks = parse_guidance(text, french=True)
        for width in range(40, 121):
            for line in guidance_lines(blocks, width):
                shown = line.plain.strip()
                assert not shown.startswith(_HIGH), (width, shown)
                assert not shown.endswith("«"), (width, shown)
