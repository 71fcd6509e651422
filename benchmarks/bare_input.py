"""The keystroke reference: a bare Textual app with one focused ``Input`` (or ``TextArea``).

Run as ``python -m benchmarks.bare_input [--area] [TEXT]`` in a terminal; it
shows "ready" above the field, which holds TEXT, and quits on ctrl+q.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Input, Static, TextArea

MARKER = "ready"


class BareInputApp(App[None]):
    """One word and one field, which has the focus."""

    def __init__(self, text: str, area: bool) -> None:
        super().__init__()
        self.text = text
        self.area = area

    def compose(self) -> ComposeResult:
        yield Static(MARKER)
        yield TextArea(self.text, soft_wrap=True) if self.area else Input(self.text)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    area = "--area" in arguments
    words = [argument for argument in arguments if argument != "--area"]
    BareInputApp(words[0] if words else "", area).run()
