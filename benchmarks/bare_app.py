"""The reference: a bare Textual app that draws one screen (the floor for any Textual app).

Run as ``python -m benchmarks.bare_app`` in a terminal; it shows one word,
"ready", and quits on ctrl+q like any Textual app.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "ready"


class BareApp(App[None]):
    """One screen, one word."""

    def compose(self) -> ComposeResult:
        yield Static(MARKER)


if __name__ == "__main__":
    BareApp().run()
