"""The footer: rebuilt once per change of the keys it shows, and never cut at the edge.

Textual's ``Footer`` rebuilds all its key widgets each time the screen says
its bindings may have changed: on every focus change, every ``refresh_bindings``.
Opening a screen sends several such signals, and each rebuild styles every key
again (measured: a third of the CPU of opening a small exercise). This footer
waits for the pending signals to settle, then rebuilds only if the keys it
would show are not the ones already shown (DESIGN §12).

On a narrow terminal (80 columns, a long French label) the keys do not all
fit, and Textual's footer cuts the last ones mid-word ("f1 A", "^s"). This
one drops whole keys instead, the least needed first (:data:`DROP_RANKS`),
and always keeps f1, whose help lists every key of the screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from bilan_tui.ui.binding_text import description_of, key_label, said

KEPT_ACTION = "help"
"""Never dropped: the help lists every key the footer had no room for."""

DROP_RANKS: dict[str, int] = {
    "quit": 0,
    "toggle_guidance": 1,
    "step": 2,
    "move": 3,
    "move_in_list": 3,
    "select": 4,
    "open_highlighted": 4,
    "undo": 5,
    "delete": 8,
    "add": 15,
    "back": 20,
    "cancel": 20,
    "close": 20,
    "close_editor": 20,
    "mark_done": 20,
    "mark_in_progress": 20,
    "write": 20,
    "save": 20,
}
"""Which keys go first when they do not all fit (lowest first; others rank 10).

Quitting is ctrl+q everywhere and said by the help; the guidance, moving
an entry and Enter on a highlighted line are found without a reminder; going
back and saving are what a person looks for at the bottom of the screen.
"""

DEFAULT_RANK = 10


@dataclass(frozen=True, slots=True)
class ShownKey:
    """One key the footer may show: its binding, state, and the cells it takes."""

    binding: Binding
    key_display: str
    enabled: bool
    tooltip: str
    description: str
    """The binding's label, translated (``ui/binding_text.py``)."""

    @property
    def width(self) -> int:
        """Cells taken by `` key description `` in the footer's normal style."""
        return cell_len(self.key_display) + cell_len(self.description) + 3

    @property
    def base_action(self) -> str:
        """The action without its arguments: ``move(-1)`` and ``move(1)`` go together."""
        return self.binding.action.split("(", 1)[0].removeprefix("app.")


def fitting(keys: Sequence[ShownKey], width: int) -> list[ShownKey]:
    """The keys that fit in ``width`` cells, the least needed dropped first.

    Keys doing the same thing in two directions (``move(-1)``, ``move(1)``)
    are dropped together; among keys of one rank, the rightmost goes first.
    """
    kept = list(keys)
    # The last key's trailing space may fall off the edge: nothing is lost.
    while sum(key.width for key in kept) > width + 1:
        candidates = [
            (DROP_RANKS.get(key.base_action, DEFAULT_RANK), -index, key.base_action)
            for index, key in enumerate(kept)
            if key.base_action != KEPT_ACTION
        ]
        if not candidates:
            break
        _rank, _index, dropped = min(candidates)
        kept = [key for key in kept if key.base_action != dropped]
    return kept


class SteadyFooter(Footer):
    """A ``Footer`` that coalesces binding updates and shows only whole keys."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette)
        self._pending = False
        self._shown: tuple[Hashable, ...] | None = None
        self._rebuilding = asyncio.Lock()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """One rebuild after the refresh, however many signals came before it."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._schedule()

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            # Two refreshes later: a screen that opens focuses its first input
            # after its first refresh, which changes the keys once more.
            self.call_after_refresh(self.call_after_refresh, self._rebuild)

    def on_resize(self, _event: Resize) -> None:
        """A wider or narrower terminal has room for more or fewer keys."""
        if self._bindings_ready:
            self._schedule()

    def _available(self) -> int:
        return self.size.width or self.app.size.width

    def _candidates(self) -> list[ShownKey]:
        """Every key the screen shows, one per action (the first key bound to it)."""
        seen: set[str] = set()
        keys: list[ShownKey] = []
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append(
                ShownKey(
                    binding,
                    key_label(self.app, binding),
                    enabled,
                    said(tooltip),
                    description_of(binding),
                )
            )
        return keys

    def _keys(self) -> tuple[Hashable, ...]:
        """What the footer would show: every shown key, its label and state."""
        return tuple(
            (key.binding.key, key.description, key.key_display, key.tooltip, key.enabled)
            for key in fitting(self._candidates(), self._available())
        )

    async def _rebuild(self) -> None:
        self._pending = False
        # One rebuild at a time: two overlapping ones (a resize and a focus
        # change) would leave both sets of keys in the bar.
        async with self._rebuilding:
            if not self.is_attached:
                return
            keys = self._keys()
            if keys == self._shown:
                return
            self._shown = keys
            await self.recompose()
            # The keys measure themselves with their styles, which a key mounted
            # during a screen's first refreshes may not have yet: measure again.
            for shown in self.query(FooterKey):
                shown.refresh(layout=True)

    def compose(self) -> ComposeResult:
        """The keys that fit, in the screen's order, as Textual's footer draws them."""
        if not self._bindings_ready:
            return
        for key in fitting(self._candidates(), self._available()):
            yield FooterKey(
                key.binding.key,
                key.key_display,
                key.description,
                key.binding.action,
                disabled=not key.enabled,
                tooltip=key.tooltip,
            ).data_bind(compact=Footer.compact)
