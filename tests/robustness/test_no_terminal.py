"""A plain ``bilan`` with no terminal to draw in: one line, not a spinning interface."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bilan_tui.cli import main


@pytest.mark.parametrize("command", [[], ["demo"]])
def test_with_no_terminal_the_interface_says_so_instead_of_starting(
    data_dir: Path,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Started from a script or a pipe, Textual would draw into nothing and spin."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--lang", "en", *command]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert lines == [
        "bilan: the workbook opens in a terminal window. From a script, use a command: "
        "bilan status, bilan hours or bilan export (bilan --help lists them all)."
    ]
    assert "\x1b" not in captured.out
