"""The footer, rebuilt once per change of the keys it shows, not once per signal.

Textual's ``Footer`` rebuilds all its key widgets each time the screen says
its bindings may have changed: on every focus change, every ``refresh_bindings``.
Opening a screen sends several such signals, and each rebuild styles every key
again (measured: a third of the CPU of opening a small exercise). This footer
waits for the pending signals to settle, then rebuilds only if the keys it
would show are not the ones already shown (DESIGN §12).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """A ``Footer`` that coalesces binding updates and skips rebuilds that change nothing."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette)
        self._pending = False
        self._shown: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        """One rebuild after the refresh, however many signals came before it."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            # Two refreshes later: a screen that opens focuses its first input
            # after its first refresh, which changes the keys once more.
            self.call_after_refresh(self.call_after_refresh, self._rebuild)

    def _keys(self) -> tuple[Hashable, ...]:
        """What the footer would show: every shown binding, its label and state."""
        return tuple(
            (binding.key, binding.description, binding.key_display, tooltip, enabled)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
