"""Textual's own words a person can see are in the person's language."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Footer,
    Input,
    Label,
    Markdown,
    OptionList,
    Select,
    SelectionList,
    Static,
    TabbedContent,
    Tabs,
    TextArea,
)
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectOverlay

from bilan_tui.i18n import set_language
from bilan_tui.ui.textual_words import _DESCRIPTIONS, PRIVATE_NAMES, apply_textual_words
from tests.ui.helpers import make_app, shipped_pack, wait_for_session

USED = (
    App,
    Screen,
    Input,
    TextArea,
    Select,
    SelectOverlay,
    Checkbox,
    DataTable,
    OptionList,
    SelectionList,
    Button,
    Markdown,
    TabbedContent,
    Tabs,
    ScrollableContainer,
    Footer,
    Label,
    Static,
)


def test_the_private_parts_of_textual_we_rely_on_still_exist() -> None:
    """An upgrade of Textual that renames them must fail here, not show English words."""
    for owner, name in PRIVATE_NAMES:
        assert hasattr(owner, name), name
    merged = SelectOverlay._merged_bindings
    assert merged is not None
    actions = {binding.action for _key, binding in merged}
    assert "dismiss" in actions, "the Select menu closes with another action now"


def test_every_shown_binding_of_textuals_widgets_has_our_words() -> None:
    """A binding Textual shows in the footer and we do not translate would read English."""
    for cls in USED:
        for entry in cls.BINDINGS:
            binding = entry if isinstance(entry, Binding) else Binding(*entry)
            if binding.show and binding.description and cls is not App:
                assert (cls, binding.action) in _DESCRIPTIONS, (cls.__name__, binding.key)


def test_the_select_menu_key_is_translated_both_ways() -> None:
    set_language("fr")
    apply_textual_words()
    descriptions = [binding.description for binding in SelectOverlay.BINDINGS]  # type: ignore[union-attr]
    assert descriptions == ["Fermer la liste"]
    set_language("en")
    apply_textual_words()
    descriptions = [binding.description for binding in SelectOverlay.BINDINGS]  # type: ignore[union-attr]
    assert descriptions == ["Close the list"]


async def test_open_select_menu_and_quit_hint_speak_french(tmp_path: Path) -> None:
    set_language("fr")
    app = make_app(tmp_path / "w.sqlite", shipped_pack("fr"), language="fr")
    notices: list[tuple[str, str]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_session(app, pilot)
        app.set_focus(None)
        original = app.notify

        def capture(message: str, *args: object, **kwargs: object) -> None:
            notices.append((str(kwargs.get("title", "")), message))
            original(message, *args, **kwargs)  # type: ignore[arg-type]

        app.notify = capture  # type: ignore[method-assign]
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert notices == [("Voulez-vous quitter ?", "Appuyez sur ^q pour enregistrer et quitter.")]
        app.open_export()
        await pilot.pause()
        select = app.screen.query(Select).first()
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert select.expanded
        shown = [key.description for key in app.screen.query(FooterKey)]
        assert "Fermer la liste" in shown, shown
        assert not any("Dismiss" in text for text in shown)
