"""The session journal in the detailed results, the JSON and homework exports; not the synthesis."""

from __future__ import annotations

import dataclasses
import datetime
import json

import pytest

from bilan_tui.domain.journal import SessionNote, TodoItem
from bilan_tui.domain.records import Homework
from bilan_tui.export.api import render
from bilan_tui.export.options import ExportOptions

from .export_helpers import demo_source

ON = datetime.date(2025, 3, 14)


def options(**changes: object) -> ExportOptions:
    return dataclasses.replace(ExportOptions(generated_on=ON), **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "heading", "todo"),
    [
        ("fr", "## Journal des séances", "- [à faire] Demander un rendez-vous à Isabelle"),
        ("en", "## Session journal", "- [to do] Ask Isabelle for a meeting"),
    ],
)
def test_the_detailed_results_carry_the_journal(language: str, heading: str, todo: str) -> None:
    text = render(demo_source(language), options(scope="detail")).text
    assert heading in text
    assert todo in text
    assert text.index(heading) < text.rindex("## Confidential")


def test_the_synthesis_never_does() -> None:
    text = render(demo_source("en"), options(scope="synthese")).text
    assert "Session journal" not in text
    assert "Ask Isabelle for a meeting" not in text


def test_a_copy_without_the_arrangements_leaves_it_out() -> None:
    chosen = frozenset({"project", "steps"})
    text = render(demo_source("en"), options(scope="detail", content=chosen)).text
    assert "Session journal" not in text


def test_the_json_lists_each_page_with_its_state() -> None:
    data = json.loads(render(demo_source("en"), options(scope="detail", format="json")).text)
    [page] = data["journal"]
    assert page["status"] == "held" and page["phase"] == "conclusions"
    assert [item["done"] for item in page["todo"]] == [True, False]
    assert page["prepare"].startswith("Ask why the synthesis")


def test_the_homework_export_carries_the_sessions_since_it_came_and_the_planned_one() -> None:
    source = demo_source("en")
    [held] = source.journal
    assert held.entry_id is not None
    day = next(entry.date for entry in source.ledger if entry.id == held.entry_id)
    planned = SessionNote(
        planned_date=day + datetime.timedelta(days=20),
        prepare="[b]Budget[/b] *questions*",
        todo=(TodoItem("x"),),
        id=99,
    )
    early = Homework("bilan", ("projet",), "h1", imported_at=_at(day - datetime.timedelta(days=3)))
    late = Homework("bilan", ("projet",), "h2", imported_at=_at(day + datetime.timedelta(days=1)))
    source = dataclasses.replace(source, journal=(held, planned), homework=(early, late))

    text = render(source, options(scope="homework", homework_id=None)).text
    assert "Session planned for" in text and "\\[b\\]Budget\\[/b\\] \\*questions\\*" in text
    assert "Ask why the synthesis" not in text, "the session before it came is left out"

    source = dataclasses.replace(source, homework=(early,))
    text = render(source, options(scope="homework")).text
    assert "Ask why the synthesis" in text
    data = json.loads(render(source, options(scope="homework", format="json")).text)
    assert [page["status"] for page in data["journal"]] == ["held", "planned"]


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
