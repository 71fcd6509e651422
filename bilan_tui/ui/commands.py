"""The command palette (ctrl+p): every exercise reachable by typing its title."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _
from bilan_tui.labels import phase_title
from bilan_tui.ui.text import plain

if TYPE_CHECKING:
    from bilan_tui.ui.app import BilanApp


def highlight(matcher: Matcher, candidate: str) -> Content:
    """Like ``Matcher.highlight``, but the candidate is never read as markup.

    Textual's own version parses the candidate with ``Content.from_markup``,
    which would turn a ``[`` in a pack title into markup (DESIGN §6).
    """
    content = plain(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    if not score:
        return content
    for offset in offsets:
        if not content.plain[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ExerciseCommands(Provider):
    """Open any exercise of the pack from the palette."""

    def _commands(self) -> list[tuple[str, str, str]]:
        """(title, help, ref); the help names the pack of an installed pack's exercise.

        Textual reads a hit's help as markup: the pack title is escaped.
        """
        app = cast("BilanApp", self.app)
        pack = app.pack
        commands = []
        for exercise in pack.exercises:
            where = phase_title(exercise.phase)
            if exercise.listed_as:
                where += " · " + escape(clean_text(pack.pack_title(exercise.pack_id)))
            commands.append((exercise.title, where, exercise.ref))
        return commands

    async def discover(self) -> Hits:
        app = cast("BilanApp", self.app)
        for title, phase, exercise_id in self._commands():
            yield DiscoveryHit(
                plain(title),
                partial(app.open_exercise, exercise_id),
                help=phase,
            )

    async def search(self, query: str) -> Hits:
        app = cast("BilanApp", self.app)
        matcher = self.matcher(query)
        for title, phase, exercise_id in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    highlight(matcher, title),
                    partial(app.open_exercise, exercise_id),
                    help=phase + " · " + _("open this exercise"),
                )
