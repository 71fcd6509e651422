"""Each snapshot test says what the picture should show, as Textual's own do (#22).

A failing picture is judged by a person; the "You should see…" line tells
them what to look for, and what a change to the picture must keep.
"""

from __future__ import annotations

import ast
from pathlib import Path

SNAPSHOTS = Path(__file__).parent.parent / "snapshots"


def test_every_snapshot_test_says_what_you_should_see() -> None:
    tests = []
    silent = []
    for path in sorted(SNAPSHOTS.glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                tests.append(node.name)
                if "You should see" not in (ast.get_docstring(node) or ""):
                    silent.append(f"{path.name}::{node.name}")
    assert tests
    assert not silent
