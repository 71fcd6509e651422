"""A command's own grammar parses its arguments as the full grammar does.

``bilan status`` and ``bilan export`` build the parser of their command alone
(``command_word``): importing every command's module and declaring every
option cost them as much as their own work (DESIGN §12). Whatever the words,
the outcome must be the full parser's: the same values, or the same message
and exit status.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilan_tui.cli import ALIASES, COMMANDS, build_parser, command_modules, command_word

WORDS = [
    *COMMANDS,
    *ALIASES,
    "add",
    "list",
    "search",
    "import",
    "--json",
    "--scope",
    "detail",
    "--format",
    "md",
    "--workbook",
    "--workbook=demo",
    "--work",
    "--data-dir",
    "/tmp/x",
    "--lang",
    "--lang=en",
    "de",
    "fr",
    "--debug",
    "--passphrase-file",
    "-h",
    "--version",
    "--",
    "demo",
    "",
]


def _outcome(argv: Sequence[str], only: str | None) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(build_parser(only).parse_args(list(argv)))
        except SystemExit as exit_:
            result = ("exit", exit_.code)
    return result, out.getvalue(), err.getvalue()


def test_every_command_word_names_its_module() -> None:
    for word in (*COMMANDS, *ALIASES):
        [module] = command_modules(word)
        assert word in module.NAMES
    every = {name for module in command_modules() for name in module.NAMES}
    assert every == set(COMMANDS) | set(ALIASES)


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["--workbook", "demo", "status", "--json"],
        ["--workbook=demo", "--debug", "hours", "add", "--date", "2026-11-02"],
        ["--lang", "de", "status"],
        ["--work", "status", "hours"],
        ["export", "--scope", "nonsense"],
        ["export", "--help"],
        ["restore"],
        ["homework", "list", "--json", "--workbook", "x"],
        ["passphrase", "--passphrase-file", "f"],
    ],
)
def test_a_command_alone_parses_as_the_full_grammar(argv: list[str]) -> None:
    assert _outcome(argv, command_word(argv)) == _outcome(argv, None)


def test_the_command_word_skips_the_global_options_only() -> None:
    assert command_word(["--workbook", "status", "hours"]) == "hours"
    assert command_word(["--data-dir=/x", "--debug", "export"]) == "export"
    assert command_word(["--work", "status", "hours"]) is None  # abbreviated: the full parser
    assert command_word(["nonsense"]) is None
    assert command_word(["--version"]) is None
    assert command_word([]) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_wherever_a_command_is_found_its_grammar_agrees(argv: list[str]) -> None:
    word = command_word(argv)
    if word is None:
        return
    assert _outcome(argv, word) == _outcome(argv, None)
