"""The keystroke reference: a bare Textual app with one focused ``Input``.

Run as ``python -m benchmarks.bare_input`` in a terminal; it shows "ready"
above the input and quits on ctrl+q.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

MARKER = "ready"


class BareInputApp(App[None]):
    """One word and one input, which has the focus."""

    def compose(self) -> ComposeResult:
        yield Static(MARKER)
        yield Input()


if __name__ == "__main__":
    BareInputApp().run()
