"""Private answers never reach a copy made for someone else, nor anything computed from them.

A property over every exercise of the shipped packs (French and English) and
of ``tests/fixtures/packs/private``, where private answers feed a grid's
items and evidence, a matrix's options, feedback, the profile and the
synthesis: a marker stored in every private answer appears in no export for
someone else, in any scope and format, unless the person includes private
answers; with the opt-in, the markers are where they belong.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.model import Pack
from bilan_tui.domain.records import Homework
from bilan_tui.export.api import render
from bilan_tui.export.contents import EVERYTHING
from bilan_tui.export.options import FORMATS, SCOPES, ExportOptions
from bilan_tui.export.source import ExportSource
from bilan_tui.packs import load_shipped_pack
from bilan_tui.packs.loader import check_pack, load_pack
from bilan_tui.store.repository import open_workbook
from tests.unit.export_helpers import REFERENCE, source_from
from tests.unit.page_readers import docx_document, pdf_pages
from tests.unit.privacy_helpers import Marked, found_in, marked_answers

FIXTURE = Path(__file__).parent.parent / "fixtures" / "packs" / "private"
OTHERS = ("consultant", "cep", "employer", "other")
PACKS = ("fr", "en", "fixture")


@cache
def pack_named(name: str) -> Pack:
    return load_pack(FIXTURE) if name == "fixture" else load_shipped_pack(name)


@cache
def workbook(name: str) -> tuple[ExportSource, Marked]:
    """A snapshot answering every exercise of the pack, with its markers."""
    pack = pack_named(name)
    marked = marked_answers(pack, name[:2])
    homework = Homework(pack.id, tuple(e.id for e in pack.exercises), "hash", id=1)
    source = source_from(pack, marked.answers, homework=[homework], language=pack.language)
    return source, marked


def export(
    name: str,
    scope: str,
    format_: str,
    recipient: str,
    private: bool = False,
    content: frozenset[str] | None = EVERYTHING,
) -> str:
    """One export of the marked workbook; every part of the bilan unless told otherwise.

    Every part is the hardest case: the recipient's default leaves out parts
    (feedback, constraints...) whose private answers then cannot leak anyway.
    """
    source, _marked = workbook(name)
    options = ExportOptions(
        scope=scope,
        format=format_,
        recipient=recipient,
        include_private=private,
        generated_on=REFERENCE,
        content=content,
    )
    rendered = render(source, options)
    return page_text(format_, rendered.data) if rendered.data is not None else rendered.text


def page_text(format_: str, data: bytes) -> str:
    """What a reader of the PDF or Word file sees, as text (markers are searched in it)."""
    if format_ == "pdf":
        return "\n".join(pdf_pages(data))
    document = docx_document(data)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def marker_of(marked: Marked, exercise_id: str, field_id: str) -> str:
    """The marker stored in one private field (its first entry, for records)."""
    for found in marked.answers:
        key = found.key
        if (key.exercise_id, key.field_id) == (exercise_id, field_id):
            value = found.value
            return str(value[0] if isinstance(value, list) else value)
    raise AssertionError(f"no answer for {exercise_id}.{field_id}")


def test_the_fixture_pack_is_sound_and_private_where_results_are_drawn() -> None:
    assert check_pack(FIXTURE) == []
    pack = pack_named("fixture")
    assert pack.exercise("realisations").field("competences").private  # grid items
    assert pack.exercise("pistes").field("metier").private  # matrix options
    assert pack.exercise("entourage").field("forces").private  # feedback
    domaine = pack.exercise("ligne-de-vie").field("domaine")
    assert [c.id for c in domaine.choices if c.private] == ["famille", "sante"]


@pytest.mark.parametrize("name", PACKS)
@pytest.mark.parametrize("recipient", OTHERS)
def test_no_private_answer_reaches_someone_else(name: str, recipient: str) -> None:
    _source, marked = workbook(name)
    assert len(marked.private) > 3
    for scope in SCOPES:
        for format_ in FORMATS:
            text = export(name, scope, format_, recipient)
            assert found_in(text, marked) == [], (scope, format_)
            default = export(name, scope, format_, recipient, content=None)
            assert found_in(default, marked) == [], (scope, format_)
            unknown = [m for m in marked.unknown if m in text]
            assert unknown == [], (scope, format_)


@pytest.mark.parametrize("name", PACKS)
def test_with_the_opt_in_every_private_answer_is_in_the_detailed_results(name: str) -> None:
    _source, marked = workbook(name)
    everything = marked.private + marked.numbers
    for format_ in FORMATS:
        text = export(name, "detail", format_, "consultant", private=True)
        shown = found_in(text, marked)
        assert sorted(shown) == sorted(everything), format_
        assert marked.unknown[0] in text  # an answer whose field left the pack
    data = json.loads(export(name, "detail", "json", "consultant", private=True))
    assert [a["value"] for a in data["other_packs"]] == [marked.unknown[1]]


def test_with_the_opt_in_derived_results_name_the_private_answers() -> None:
    _source, marked = workbook("fixture")
    story = marker_of(marked, "realisations", "titre")
    lead = marker_of(marked, "pistes", "metier")
    giver = marker_of(marked, "entourage", "personne")
    project = marker_of(marked, "projet", "enonce")
    wanted = [marked.tag, story, lead, giver, project]
    for format_ in ("md", "html", "json"):
        synthesis = export("fixture", "synthese", format_, "employer", private=True)
        assert found_in(synthesis, marked, wanted) == wanted, format_
        assert marked.numbers[0] in found_in(synthesis, marked)  # the income floor
    detail = json.loads(export("fixture", "detail", "json", "employer", private=True))
    exercises = {exercise["id"]: exercise for exercise in detail["exercises"]}
    items = exercises["competences"]["results"]["items"]
    tag_item = next(item for item in items if item["text"] == marked.tag)
    assert tag_item["quadrant"] == "assets"
    assert [proof["title"] for proof in tag_item["evidence"]] == [story]
    options = exercises["comparaison"]["results"]["options"]
    assert lead in [option["label"] for option in options]


def test_without_the_opt_in_the_grid_and_the_matrix_keep_only_what_may_be_shown() -> None:
    data = json.loads(export("fixture", "detail", "json", "employer"))
    exercises = {exercise["id"]: exercise for exercise in data["exercises"]}
    items = exercises["competences"]["results"]["items"]
    assert [item["text"] for item in items] == ["Organise a team's week", "public own skill"]
    assert all(item["evidence"] == [] for item in items)
    options = exercises["comparaison"]["results"]["options"]
    assert [option["label"] for option in options] == [""]
    # One life event is about health: it is gone as a whole, its year included.
    assert [len(e["fields"]) for e in exercises["ligne-de-vie"]["entries"]] == [4]
    assert exercises["ligne-de-vie"]["private_withheld"] == 4
    assert exercises["realisations"]["private_withheld"] == 2
    assert data["answers_no_longer_in_pack"] == {"withheld": 1, "answers": []}
    assert data["other_packs"] == []
    markdown = export("fixture", "detail", "md", "employer")
    assert "4 private answers are left out here." in markdown
    assert "Health" not in markdown and "2001" in markdown


def test_the_persons_own_copy_leaves_private_answers_out_unless_she_includes_them() -> None:
    _source, marked = workbook("fixture")
    for format_ in FORMATS:
        own = export("fixture", "detail", format_, "self")
        assert found_in(own, marked) == [], format_
        assert marked.unknown[0] in own  # not known to be private: her copy keeps it
        included = export("fixture", "detail", format_, "self", private=True)
        assert sorted(found_in(included, marked)) == sorted(marked.private + marked.numbers)


def test_the_command_line_leaves_private_answers_out_of_the_employers_copy(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = load_shipped_pack("en")
    marked = marked_answers(pack, "cl")
    with open_workbook(data_dir / "workbooks" / "w.sqlite", language="en") as opened:
        opened.save_answers(marked.answers)
    common = [
        "--workbook",
        "w",
        "--lang",
        "en",
        "export",
        "--for",
        "employer",
        "--agree-to-share",
        "--despite-modalites",
    ]
    for scope, format_ in (("detail", "json"), ("synthese", "md"), ("detail", "html")):
        target = tmp_path / f"{scope}.{format_}"
        assert main([*common, "--scope", scope, "--format", format_, "--output", str(target)]) == 0
        out = capsys.readouterr().out
        assert "private answers (health, family…) are left out" in out
        assert "Parts of the bilan included:\n  + your competencies" in out
        assert "  − what people around you said (their names and their words)" in out
        assert found_in(target.read_text(encoding="utf-8"), marked) == [], scope
    target = tmp_path / "all.json"
    args = ["--scope", "detail", "--format", "json", "--include-private", "--content", "all"]
    assert main([*common, *args, "--output", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert sorted(found_in(text, marked)) == sorted(marked.private + marked.numbers)
