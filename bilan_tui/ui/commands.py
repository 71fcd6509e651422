"""The command palette (ctrl+p): every exercise and every command, found by its words.

Both providers match with :func:`bilan_tui.domain.search_words.match_words`
instead of Textual's fuzzy matcher: case, accents, hyphens, plurals and word
order do not matter, and a command's description is searched too ("synthese"
finds "Exporter", whose help mentions the synthesis).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from bilan_tui.domain.model import Pack
from bilan_tui.domain.search_words import WordMatch, match_words
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _
from bilan_tui.services.labels import phase_title
from bilan_tui.ui.requests import OpenExercise
from bilan_tui.ui.text import plain

MATCH_STYLE = "bold reverse"
"""How the matched words of a title are shown (the palette's own match style)."""


def highlight(candidate: str, found: WordMatch) -> Content:
    """``candidate`` as plain text, never markup (DESIGN §6), its matched words marked."""
    content = plain(candidate)
    for start, end in found.spans:
        content = content.stylize(MATCH_STYLE, start, end)
    return content


class ShowsPack(Protocol):
    """What the exercise commands read from the app: the pack it shows."""

    pack: Pack


class ExerciseCommands(Provider):
    """Open any exercise of the pack from the palette (the app opens it: ``OpenExercise``)."""

    def _open(self, exercise_id: str) -> None:
        self.app.post_message(OpenExercise(exercise_id))

    def _commands(self) -> list[tuple[str, str, str]]:
        """(title, help, ref); the help names the pack of an installed pack's exercise.

        Textual reads a hit's help as markup: the pack title is escaped.
        """
        pack = cast("ShowsPack", self.app).pack
        commands = []
        for exercise in pack.exercises:
            where = phase_title(exercise.phase)
            if exercise.listed_as:
                where += " · " + escape(clean_text(pack.pack_title(exercise.pack_id)))
            commands.append((exercise.title, where, exercise.ref))
        return commands

    async def discover(self) -> Hits:
        for title, phase, exercise_id in self._commands():
            yield DiscoveryHit(
                plain(title),
                partial(self._open, exercise_id),
                help=phase,
            )

    async def search(self, query: str) -> Hits:
        for title, phase, exercise_id in self._commands():
            found = match_words(query, title, phase)
            if found.score > 0:
                yield Hit(
                    found.score,
                    highlight(title, found),
                    partial(self._open, exercise_id),
                    help=phase + " · " + _("open this exercise"),
                )


class AppCommands(Provider):
    """The application's own commands (the app's ``get_system_commands``), found by their words.

    Replaces Textual's system commands provider, whose fuzzy matcher knows
    neither accents nor descriptions.
    """

    def _commands(self) -> list[tuple[str, str, Callable[[], Any], bool]]:
        return [
            (name, help_text, callback, discover)
            for name, help_text, callback, discover in self.app.get_system_commands(self.screen)
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback, discover in self._commands():
            if discover:
                yield DiscoveryHit(plain(name), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        for name, help_text, callback, _discover in self._commands():
            found = match_words(query, name, help_text)
            if found.score > 0:
                yield Hit(found.score, highlight(name, found), callback, help=help_text)
