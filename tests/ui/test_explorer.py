"""The métier explorer, used as a person would: search, filters, suggestions, fiches, leads."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, OptionList, Select, Static

from bilan_tui.domain.answers import REFERENTIAL_VERSION
from bilan_tui.referentiel.messages import attribution
from bilan_tui.referentiel.model import Fiche, FicheRef, SearchHit, SkillItem, SkillKind, Suggestion
from bilan_tui.services.leads import interest_scores, own_letters
from bilan_tui.services.profile import profile_of
from bilan_tui.ui.screens.explorer import ExplorerScreen
from bilan_tui.ui.screens.fiche import FicheScreen
from bilan_tui.ui.widgets.fiche_list import hit_option, suggestion_option
from bilan_tui.ui.widgets.fiche_text import fiche_content
from tests.ui.helpers import open_exercise, read_session, shipped_pack
from tests.ui.rome_helpers import demo_app, install_referential, lines, open_explorer


def _codes(screen: ExplorerScreen) -> list[str]:
    results = screen.results
    return [str(results.get_option_at_index(i).id) for i in range(results.option_count)]


def _text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_typing_searches_as_you_type_over_one_list(
    data_dir: Path, size: tuple[int, int]
) -> None:
    install_referential(data_dir).close()
    app = demo_app(data_dir)
    async with app.run_test(size=size) as pilot:
        screen = await open_explorer(app, pilot)
        assert app.session is not None
        hers = own_letters(profile_of(app.session))
        assert hers and screen.query_one("#explorer-letters", Input).value == hers
        query = screen.query_one("#explorer-query", Input)
        assert query.has_focus
        for typed in ("educateur specialise", "Éducateur-spécialisé", "éducateur spécialisé"):
            query.value = typed
            await pilot.pause()
            assert _codes(screen)[0] == "K9207", typed
        assert "Educateur spécialisé / Educatrice spécialisée" in lines(screen.results)[0]
        query.value = "aide soignante"
        await pilot.pause()
        assert _codes(screen) == ["J9501"]
        assert _text(screen, "#explorer-count").startswith("1 fiche")
        widgets = len(list(screen.walk_children()))
        query.value = "zzzz"
        await pilot.pause()
        assert screen.results.option_count == 0
        # one widget holds every result line: none is added or removed per result
        assert len(list(screen.walk_children())) == widgets
        assert "No fiche matches" in _text(screen, "#explorer-count")
        assert "Source: France Travail, ROME 4.0, version 99" in _text(
            screen, "#explorer-attribution"
        )


async def test_letters_are_hers_by_default_and_one_key_clears_them(data_dir: Path) -> None:
    install_referential(data_dir).close()
    app = demo_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_explorer(app, pilot)
        letters = screen.query_one("#explorer-letters", Input).value
        shown = screen.results.refs.values()
        assert shown and all(
            ref.riasec_major in letters or ref.riasec_minor in letters for ref in shown
        )
        assert "D9102" not in _codes(screen)  # the baker is R only
        assert f"letters: yours ({letters})" in _text(screen, "#explorer-count")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert screen.query_one("#explorer-letters", Input).value == ""
        assert "D9102" in _codes(screen)
        screen.query_one("#explorer-letters", Input).value = "r"
        await pilot.pause()
        assert screen.query_one("#explorer-letters", Input).value == "R"
        assert _codes(screen) == ["D9102"]


async def test_centre_and_flags_narrow_the_results(data_dir: Path) -> None:
    referential = install_referential(data_dir)
    app = demo_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_explorer(app, pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        everything = set(_codes(screen))
        code, label = referential.centres()[1]  # "Je veux être utile aux autres"
        screen.query_one("#explorer-centre", Select).value = code
        await pilot.pause()
        kept = _codes(screen)
        assert kept and set(kept) < everything
        for fiche_code in kept:
            fiche = referential.fiche(fiche_code)
            assert fiche is not None and label in fiche.centres_interet
        screen.query_one("#explorer-centre", Select).value = Select.NULL
        screen.query_one("#explorer-cadre", Checkbox).value = True
        await pilot.pause()
        cadres = _codes(screen)
        assert cadres and set(cadres) < everything
        assert all(referential.fiche(c).cadre for c in cadres)  # type: ignore[union-attr]
        screen.query_one("#explorer-cadre", Checkbox).value = False
        screen.query_one("#explorer-regulated", Checkbox).value = True
        await pilot.pause()
        regulated = _codes(screen)
        assert regulated and all(referential.fiche(c).regulated for c in regulated)  # type: ignore[union-attr]
    referential.close()


async def test_suggestions_come_with_their_reasons_and_near_ties(data_dir: Path) -> None:
    referential = install_referential(data_dir)
    app = demo_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_explorer(app, pilot)
        assert app.session is not None
        expected = referential.match(interest_scores(profile_of(app.session)), limit=20)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.suggesting
        assert not screen.query_one("#explorer-query", Input).display
        shown = lines(screen.results)
        assert _codes(screen) == [s.fiche.code for s in expected]
        for suggestion, line in zip(expected, shown, strict=True):
            assert suggestion.reason in line
            assert ("≈" in line) is suggestion.near_tie
        assert "never a verdict" in _text(screen, "#explorer-count")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not screen.suggesting and screen.query_one("#explorer-query", Input).display
    referential.close()


async def test_a_fiche_shows_every_part_and_its_links_lead_on(data_dir: Path) -> None:
    referential = install_referential(data_dir)
    k9207 = referential.fiche("K9207")
    assert k9207 is not None
    app = demo_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_explorer(app, pilot)
        screen.query_one("#explorer-query", Input).value = "educateur specialise"
        await pilot.pause()
        await pilot.press("enter", "enter")  # to the results, then open the first
        await pilot.pause()
        fiche = app.screen
        assert isinstance(fiche, FicheScreen) and fiche.code == "K9207"
        body = _text(fiche, "#fiche-body")
        assert k9207.ref.title in body
        assert "Holland code: S (social)" in body
        for part in (*k9207.definition, *k9207.access, *k9207.appellations):
            assert part in body
        for item in k9207.skills:
            assert item.label in body
        for _group, label in k9207.contexts:
            assert label in body
        for centre in k9207.centres_interet:
            assert centre in body
        assert "★ Détecter des situations à risques" in body  # core items marked
        assert _text(fiche, "#fiche-attribution") == attribution(referential.version)
        links = fiche.query_one("#fiche-links", OptionList)
        target = k9207.close[0]
        await pilot.press("l")
        await pilot.pause()
        assert links.has_focus
        while (
            links.highlighted_option is None
            or links.highlighted_option.id != f"close:{target.code}"
        ):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert fiche.code == target.code and fiche.history == ["K9207"]
        assert target.title in _text(fiche, "#fiche-body")
        await pilot.press("escape")
        await pilot.pause()
        assert fiche.code == "K9207" and app.screen is fiche
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    referential.close()


async def test_add_to_my_leads_creates_a_filled_lead_once(data_dir: Path) -> None:
    install_referential(data_dir).close()
    app = demo_app(data_dir)
    workbook = data_dir / "workbooks" / "demo.sqlite"
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_explorer(app, pilot)
        screen.query_one("#explorer-query", Input).value = "aide soignante"
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FicheScreen)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("a")  # again: named, not added twice
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert "Added to your leads: Aide-soignant / Aide-soignante." in messages
        assert "Already in your leads: Aide-soignant / Aide-soignante." in messages
        await pilot.press("escape")
        await pilot.pause()
        assert lines(screen.results)[0].startswith("✓ J9501")  # marked as one of her leads
        screen.query_one("#explorer-query", Input).value = "infirmier sante travail"
        await pilot.pause()
        assert lines(screen.results)[0].startswith("✓ J9512")  # the demo's own lead
        screen.query_one("#explorer-query", Input).value = "educateur specialise"
        await pilot.pause()
        assert lines(screen.results)[0].startswith("  K9207")
    session = read_session(workbook, shipped_pack("en"))
    leads = session.exercise_answers(session.pack.exercise("pistes")).entries()  # type: ignore[arg-type]
    added = [lead for lead in leads if lead.values.get("code_rome") == "J9501"]
    assert len(added) == 1 and added[0].position == len(leads) - 1
    assert added[0].values["metier"] == "Aide-soignant / Aide-soignante"
    assert added[0].values["riasec"] == "SI"
    assert added[0].values[REFERENTIAL_VERSION] == 99
    session.close()


async def test_from_the_leads_m_explores_and_the_new_lead_joins_the_list(data_dir: Path) -> None:
    install_referential(data_dir).close()
    app = demo_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        exercise = await open_exercise(app, pilot, "pistes")
        before = exercise.query_one("#records-list", OptionList).option_count
        await pilot.press("m")
        await pilot.pause()
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        explorer.query_one("#explorer-query", Input).value = "educateur specialise"
        await pilot.pause()
        await pilot.press("enter", "a", "escape")
        await pilot.pause()
        assert app.screen is exercise
        shown = lines(exercise.query_one("#records-list", OptionList))
        assert len(shown) == before + 1
        assert "Educateur spécialisé / Educatrice" in shown[-1]
        # the exercise's own copy holds it: its next save cannot undo it
        entries = exercise.autosaver.answers.entries()
        assert entries[-1].values["code_rome"] == "K9207"


def test_the_referentials_text_is_never_read_as_markup() -> None:
    ref = FicheRef("X1234", "Chef [b]de[/b] rang [@click=app.quit]", "S", "")
    hit = hit_option(SearchHit(ref, "Serveur [/]", True))
    assert "Chef [b]de[/b] rang [@click=app.quit]" in str(hit.prompt)
    assert "Serveur [/]" in str(hit.prompt)
    suggestion = suggestion_option(Suggestion(ref, 0.9, "Parce que [red]oui[/red]", True))
    assert "Parce que [red]oui[/red]" in str(suggestion.prompt)
    fiche = Fiche(
        ref,
        definition=("Sert [i]les[/i] clients",),
        access=("CAP [/]",),
        appellations=("Maître [d'hôtel]",),
        skills=(SkillItem("1", "Dresser [une] table", SkillKind.SAVOIR_FAIRE, True, ""),),
        contexts=(("Horaires", "Soir [et] week-end"),),
        close=(),
        next=(),
        cadre=False,
        regulated=False,
        transitions=(),
        centres_interet=(),
    )
    text = str(fiche_content(fiche))
    for part in (
        "Sert [i]les[/i] clients",
        "CAP [/]",
        "Maître [d'hôtel]",
        "Dresser [une] table",
        "Soir [et] week-end",
    ):
        assert part in text
