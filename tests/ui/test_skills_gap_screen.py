"""A lead's skills gap, marked in the interface; and every door without a referential."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from bilan_tui.domain.answers import REFERENTIAL_VERSION
from bilan_tui.domain.skills_gap import GapMark, GapState, marks_of
from bilan_tui.export.api import render
from bilan_tui.export.options import ExportOptions
from bilan_tui.referentiel.messages import missing_referential
from bilan_tui.services.export_source import collect
from bilan_tui.services.leads import with_referential_labels
from bilan_tui.ui.screens.explorer import ExplorerScreen
from bilan_tui.ui.screens.referential_missing import ReferentialMissing
from bilan_tui.ui.screens.skills_gap import SkillsGapScreen, gap_items
from tests.ui.helpers import open_exercise, read_session, shipped_pack, wait_for_session
from tests.ui.rome_helpers import demo_app, install_referential, lines


def _highlight_lead(exercise: object, code: str) -> None:
    """Put the list's cursor on the demo's lead with this ROME code."""
    records = exercise.query_one("#records-list", OptionList)  # type: ignore[attr-defined]
    answers = exercise.autosaver.answers  # type: ignore[attr-defined]
    for index, entry in enumerate(answers.entries()):
        if entry.values.get("code_rome") == code:
            records.highlighted = index
            return
    raise AssertionError(f"no lead {code}")


async def test_marks_are_stored_counted_on_the_lead_and_exported(data_dir: Path) -> None:
    referential = install_referential(data_dir)
    fiche = referential.fiche("J9512")
    assert fiche is not None
    wanted = gap_items(fiche)
    assert [item.code for item in wanted] == ["700017", "700018"]  # core savoir-faire, savoir
    app = demo_app(data_dir)
    workbook = data_dir / "workbooks" / "demo.sqlite"
    async with app.run_test(size=(80, 24)) as pilot:
        exercise = await open_exercise(app, pilot, "pistes")
        _highlight_lead(exercise, "J9512")  # the demo's "Infirmière en santé au travail"
        await pilot.press("g")
        await pilot.pause()
        gap = app.screen
        assert isinstance(gap, SkillsGapScreen)
        shown = lines(gap.query_one("#gap-items", OptionList))
        assert any("Conduire des entretiens de santé au travail" in line for line in shown)
        assert any("Droit du travail" in line for line in shown)
        assert not any("Mesurer les paramètres vitaux" in line for line in shown)  # not core
        mine = str(gap.query_one("#gap-mine-text", Static).render())
        assert "Your skills" in mine and "Your stories" in mine
        await pilot.press("1")  # the first item: she has it
        note = gap.query_one("#gap-note", Input)
        assert note.has_focus and note.border_title == "What proves it"
        note.value = "Twelve years of admission interviews"
        await pilot.press("enter", "down", "2")
        assert note.border_title == "How you mean to acquire it"
        note.value = "The occupational health diploma, paid by my CPF"
        await pilot.press("enter")
        await pilot.pause()
        assert str(gap.query_one("#gap-counts", Static).render()) == "1 to acquire · 1 I have"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is exercise
        index = [e.values.get("code_rome") for e in exercise.autosaver.answers.entries()]
        line = lines(exercise.query_one("#records-list", OptionList))[index.index("J9512")]
        assert line.endswith("· 1 to acquire")
    session = read_session(workbook, shipped_pack("en"))
    lead = next(
        entry
        for entry in session.exercise_answers(session.pack.exercise("pistes")).entries()  # type: ignore[arg-type]
        if entry.values.get("code_rome") == "J9512"
    )
    assert marks_of(lead.values) == {
        "700017": GapMark("700017", GapState.HAVE, "Twelve years of admission interviews"),
        "700018": GapMark(
            "700018", GapState.ACQUIRE, "The occupational health diploma, paid by my CPF"
        ),
    }
    assert lead.values[REFERENTIAL_VERSION] == 99
    # only codes and her words: never the referential's labels
    assert "Droit du travail" not in repr(lead.values)
    source = with_referential_labels(collect(session), data_dir)
    for scope in ("synthese", "detail"):
        text = render(source, ExportOptions(scope=scope, format="md")).text
        assert "What I lack for this occupation, and how I mean to acquire it" in text
        assert "**Droit du travail**: The occupational health diploma, paid by my CPF" in text
        assert "Source: France Travail, ROME 4.0, version 99." in text
    referential.close()
    shutil.rmtree(data_dir / "referentiels")
    text = render(with_referential_labels(collect(session), data_dir), ExportOptions()).text
    assert "skill no. 700018 (label in the ROME referential)" in text
    session.close()


async def test_without_a_referential_every_door_says_how_to_import_it(data_dir: Path) -> None:
    app = demo_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("ctrl+p")  # the palette
        await pilot.pause()
        app.screen.query_one(Input).value = "Explore occ"
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")  # the dashboard's key
        await pilot.pause()
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen) and explorer.referential is None
        text = str(explorer.query_one("#explorer-missing", Static).render())
        assert text == missing_referential()
        assert "RefRomeCsv.zip" in text and "bilan metiers import" in text
        await pilot.press("ctrl+t", "ctrl+l", "escape")  # nothing to switch, nothing breaks
        await pilot.pause()
        exercise = await open_exercise(app, pilot, "pistes")
        await pilot.press("m")  # from the leads
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen) and app.screen.referential is None
        await pilot.press("escape")
        await pilot.pause()
        _highlight_lead(exercise, "J9512")
        await pilot.press("g")  # the skills gap of a linked lead
        await pilot.pause()
        assert isinstance(app.screen, ReferentialMissing)
        assert str(app.screen.query_one(Static).render()) == missing_referential()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is exercise


async def test_a_lead_without_a_code_is_told_how_to_link_it(data_dir: Path) -> None:
    install_referential(data_dir).close()
    app = demo_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        exercise = await open_exercise(app, pilot, "pistes")
        answers = exercise.autosaver.answers
        index = next(
            i for i, entry in enumerate(answers.entries()) if not entry.values.get("code_rome")
        )
        exercise.query_one("#records-list", OptionList).highlighted = index
        await pilot.press("g")
        await pilot.pause()
        assert app.screen is exercise
        assert any("no ROME code yet" in str(n.message) for n in app._notifications)
