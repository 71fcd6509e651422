"""The command line speaks the person's language, argparse's own words included."""

from __future__ import annotations

import argparse
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.cli.argparse_words import ARGPARSE_MESSAGES, ARGPARSE_PLURALS

ENGLISH_ARGPARSE = (
    "usage:",
    "positional arguments",
    "show this help message",
    "the following arguments are required",
    "invalid choice",
    "error:",
)


def test_every_listed_message_is_argparse_own_text() -> None:
    """A Python upgrade that rewords argparse must fail here, not silently go English."""
    source = inspect.getsource(argparse)
    for message in ARGPARSE_MESSAGES:
        assert repr(message)[1:-1] in source or message.replace("\n", "\\n") in source, message
    for singular, plural in ARGPARSE_PLURALS:
        assert singular in source and plural in source


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "fr", "--help"],
        ["--lang", "fr", "hours", "add", "--help"],
        ["--lang", "fr", "export", "--help"],
    ],
)
def test_french_help_has_no_english_argparse_words(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : bilan")
    assert "afficher cette aide et quitter" in out
    for words in ENGLISH_ARGPARSE:
        assert words not in out


def test_french_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "hours", "add"]) == 2
    err = capsys.readouterr().err
    assert "bilan hours add : erreur : ces arguments sont obligatoires : --date" in err
    assert main(["--lang", "fr", "statuss"]) == 2
    err = capsys.readouterr().err
    assert "choix invalide : 'statuss' (choisissez parmi 'status'" in err
    for words in ENGLISH_ARGPARSE:
        assert words not in err


def test_english_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "hours", "add"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: bilan hours add")
    assert "error: the following arguments are required: --date" in err


def test_a_reader_that_stops_early_gets_no_complaint(tmp_path: Path) -> None:
    """``bilan hours | true``: the reader is gone before we write; no "Broken pipe" message."""
    env = {**os.environ, "BILAN_DATA_DIR": str(tmp_path)}
    assert (
        subprocess.run(
            [sys.executable, "-m", "bilan_tui", "--workbook", "demo", "demo", "--no-open"],
            env=env,
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    pipeline = subprocess.run(
        [
            "bash",
            "-c",
            f"set -o pipefail; {sys.executable} -m bilan_tui --lang fr --workbook demo "
            "hours | true",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert pipeline.stderr == ""
    assert pipeline.returncode == 141
