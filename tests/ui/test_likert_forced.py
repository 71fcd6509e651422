"""A forced choice reads as two statements, A and B, and its answer in its own words."""

from __future__ import annotations

from bilan_tui.domain.parts import Item, Scale
from bilan_tui.ui.kinds.likert_rows import LikertItem

SCALE = Scale(
    1,
    5,
    labels=("Not me", "Not really", "A bit", "Quite", "Very much"),
    pair_labels=("Clearly A", "Rather A", "Both equally", "Rather B", "Clearly B"),
)


def test_a_forced_choice_shows_both_statements_and_the_pair_label() -> None:
    item = Item("p", "A steady salary", dimension="a", versus="b", versus_text="My own business")
    lines = [line.plain for line in LikertItem(3, item, SCALE, 2).lines(60)]
    assert lines[0].strip() == "3  A: A steady salary"
    assert lines[1].strip() == "B: My own business"
    assert lines[2].rstrip().endswith("Rather A")


def test_a_single_statement_keeps_the_agreement_labels() -> None:
    item = Item("s", "I like [bold]rules[/bold]", dimension="a", reverse=True)
    lines = [line.plain for line in LikertItem(1, item, SCALE, 4).lines(60)]
    assert lines[0].strip() == "1  I like [bold]rules[/bold]"
    assert lines[-1].rstrip().endswith("Quite")
