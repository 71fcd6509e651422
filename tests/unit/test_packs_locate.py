"""The locator finds the line where a value was written, in every TOML layout authors use."""

from __future__ import annotations

import tomllib

import pytest

from bilan_tui.packs.locate import Locator, Where

DOC = """\
id = "demo"
title = "Demo"
source = { exercise = "stories", field = "skills" }
summary_fields = [
    "title",
    "year",
]

[scale]
min = 1
max = 5

[[fields]]
id = "first"
label = "First"
choices = [
    { id = "a", label = "A" },
    { id = "b", label = "B" },
    { id = "a", label = "A again" },
]

[[fields]]
id = "second"
label = "Second"

[[fields.choices]]
id = "x"
label = "X"

[[fields.choices]]
id = "y"
label = "Y"

[[fields]]
id = "third"
"""


@pytest.fixture(scope="module")
def locator() -> Locator:
    return Locator(DOC, 10, tomllib.loads(DOC))


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ((), 1),
        (("title",), 2),
        (("source",), 3),
        (("source", "field"), 3),
        (("summary_fields",), 4),
        (("scale",), 9),
        (("scale", "max"), 11),
        (("fields", 0), 13),
        (("fields", 0, "label"), 15),
        (("fields", 0, "choices"), 16),
        (("fields", 0, "choices", 1), 18),
        (("fields", 0, "choices", 2, "label"), 19),
        (("fields", 1, "label"), 24),
        (("fields", 1, "choices", 0), 26),
        (("fields", 1, "choices", 1, "label"), 32),
        (("fields", 2, "id"), 35),
        (("fields", 2, "label"), 34),
        (("missing", "deeper"), 1),
    ],
)
def test_lines(locator: Locator, where: Where, line: int) -> None:
    # The document starts on line 10 of its file: lines are offset by 9.
    assert locator.line(where) == line + 9


def test_value_lines(locator: Locator) -> None:
    assert locator.value_line(("summary_fields",), "year") == 6 + 9
    assert locator.value_line(("summary_fields",), "absent") == 4 + 9


def test_first_line_when_the_document_starts_with_a_header() -> None:
    text = '[[fields]]\nid = "a"\n\n[[fields]]\nid = "b"\n'
    locator = Locator(text, 2, tomllib.loads(text))
    assert locator.line(("fields", 0)) == 2
    assert locator.line(("fields", 1, "id")) == 6
    assert locator.line(("id",)) == 2
