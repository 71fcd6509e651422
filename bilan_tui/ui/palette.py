"""The command palette, in the person's language.

Textual's palette writes "No matches found" and its key descriptions in
English, with no hook to change them. This subclass replaces the two: its
bindings get our translated descriptions, and the "no matches" line is drawn
by overriding ``_start_no_matches_countdown``, a private method of Textual's
``CommandPalette``. ``tests/ui/test_palette.py`` checks that the private names
used here still exist, so an upgrade of Textual fails there, on the right line.
"""

from __future__ import annotations

from typing import ClassVar

from rich.align import Align
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from bilan_tui.i18n import N_, _

PRIVATE_NAMES: tuple[str, ...] = (
    "_start_no_matches_countdown",
    "_stop_no_matches_countdown",
    "_NO_MATCHES",
    "_NO_MATCHES_COUNTDOWN",
    "_no_matches_timer",
    "_list_visible",
)
"""The private parts of ``CommandPalette`` this module relies on."""


class BilanPalette(CommandPalette):
    """Textual's palette with our words for "no matches" and for its keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+end, shift+end",
            "command_list('last')",
            N_("Last command"),
            show=False,
            id="bilan-palette.command-list-last",
        ),
        Binding(
            "ctrl+home, shift+home",
            "command_list('first')",
            N_("First command"),
            show=False,
            id="bilan-palette.command-list-first",
        ),
        Binding(
            "down", "cursor_down", N_("Next command"), show=False, id="bilan-palette.cursor-down"
        ),
        Binding("escape", "escape", N_("Close the palette"), id="bilan-palette.escape"),
        Binding(
            "pagedown",
            "command_list('page_down')",
            N_("Next page"),
            show=False,
            id="bilan-palette.command-list-page-down",
        ),
        Binding(
            "pageup",
            "command_list('page_up')",
            N_("Previous page"),
            show=False,
            id="bilan-palette.command-list-page-up",
        ),
        Binding(
            "up",
            "command_list('cursor_up')",
            N_("Previous command"),
            show=False,
            id="bilan-palette.command-list-cursor-up",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+end, shift+end | The last command. |
    | ctrl+home, shift+home | The first command. |
    | down / up | The next / previous command. |
    | escape | Close the palette. |
    | pagedown / pageup | The next / previous page of commands. |
    """

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """After a short wait with no result, say so in the person's language."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("Nothing found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
