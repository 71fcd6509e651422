"""File names wrap between their parts, never in the middle of a word (#20.13)."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from bilan_tui.ui.widgets.file_name import FileNameText, break_lines


def test_a_file_name_breaks_after_its_separators() -> None:
    lines = break_lines("File: nadia-f-detail-consultant-2026-12-05.md", 30)
    assert lines == ["File: nadia-f-detail-", "consultant-2026-12-05.md"]
    assert all(len(line) <= 30 for line in lines)


def test_short_names_stay_on_one_line_and_paths_break_after_slashes() -> None:
    assert break_lines("File: demo-synthese.md", 30) == ["File: demo-synthese.md"]
    assert break_lines("/home/camille/Documents/bilan", 16) == ["/home/camille/", "Documents/bilan"]


def test_only_a_part_wider_than_the_column_is_cut() -> None:
    assert break_lines("abcdefghij-k", 4) == ["abcd", "efgh", "ij-k"]


def test_the_renderable_draws_the_lines_at_the_width_it_gets() -> None:
    console = Console(width=24, file=StringIO(), color_system=None)
    console.print(FileNameText("Fichier : demo-detail-consultant-2026-12-05.md"))
    drawn = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert [line.rstrip() for line in drawn] == [
        "Fichier : demo-detail-",
        "consultant-2026-12-05.md",
    ]


def test_a_name_that_fits_on_a_line_of_its_own_goes_there_whole() -> None:
    assert break_lines("File: demo-synthesis-2025-03-14.md", 30) == [
        "File:",
        "demo-synthesis-2025-03-14.md",
    ]


def test_a_date_in_a_name_stays_whole() -> None:
    assert break_lines("demo-synthesis-consultant-2025-03-14.md", 30) == [
        "demo-synthesis-consultant-",
        "2025-03-14.md",
    ]


def test_each_line_of_a_message_breaks_on_its_own() -> None:
    console = Console(width=20, file=StringIO(), color_system=None)
    console.print(FileNameText("It will be written to:\n/home/camille/Documents/a-b.md"))
    drawn = [line.rstrip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]
    assert drawn == ["It will be written", "to:", "/home/camille/", "Documents/a-b.md"]
