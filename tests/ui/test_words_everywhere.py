"""No word of the other language on any screen nor in any ``--help``.

Every screen (the dashboard, each exercise of the shipped pack, profile,
hours, export with a list open, help, homework import, wipe confirmation, the
ctrl+c notice) is walked in each language in its own process (see
``words_walk.py``), and every ``--help`` of every command and subcommand is
printed in each language. Their text is searched, whole words only, for a few
tell-tale words of the other language. The pack's texts come from the pack of
that language, so they must be clean too; the only exceptions are proper
names that stay in French in the English interface.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.cli import build_parser, main
from bilan_tui.i18n import set_language

ROOT = Path(__file__).resolve().parent.parent.parent

TELLS = {
    # Words that would betray English in the French interface (not the names of
    # commands, such as ``status`` or ``metiers show``, which are typed as they are)...
    "fr": (
        "the", "and", "you", "your", "with", "to", "of", "is", "this", "not", "no",
        "press", "dismiss", "usage:", "options:", "select", "quit", "save",
        "back", "next", "close", "open", "help", "found", "matches", "want",
    ),
    # ... and French in the English one.
    "en": (
        "le", "la", "les", "des", "du", "et", "vous", "votre", "vos", "une", "est",
        "pour", "avec", "sur", "pas", "appuyez", "aucun", "aucune", "enregistrer",
        "quitter", "retour", "suivant", "ouvrir", "fermer", "utilisation",
    ),
}  # fmt: skip

PROPER_NAMES = (
    # French names of French things, kept as they are in English texts.
    "Répertoire opérationnel des métiers et des emplois",
    "validation des acquis de l'expérience",
    "Mon Compte Formation",
    "bilan de compétences",
)


def foreign_words(text: str, language: str) -> list[str]:
    """The lines of ``text`` holding a tell-tale word of the other language."""
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    words = "|".join(re.escape(word) for word in TELLS[language])
    pattern = re.compile(rf"(?<![\w'’-])({words})(?![\w'’-])", re.IGNORECASE)
    return [line.strip() for line in text.splitlines() if pattern.search(line)]


def test_the_tell_tale_words_are_found_whole() -> None:
    assert foreign_words("esc Dismiss menu", "fr") == ["esc Dismiss menu"]
    assert foreign_words("usage: bilan", "fr") == ["usage: bilan"]
    assert foreign_words("options :", "fr") == []  # a French word, with French spacing
    assert foreign_words("Appuyez sur n", "en") == ["Appuyez sur n"]
    assert foreign_words("Thème, Totale, L'ensemble", "fr") == []
    assert foreign_words("Settle, bilan de compétences", "en") == []


def _commands(parser: argparse.ArgumentParser, prefix: list[str]) -> Iterator[list[str]]:
    yield prefix
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, [*prefix, name])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_help_is_in_one_language(language: str, capsys: pytest.CaptureFixture[str]) -> None:
    set_language(language)
    commands = list(_commands(build_parser(), []))
    assert len(commands) >= 15
    for command in commands:
        assert main(["--lang", language, *command, "--help"]) == 0
        out = capsys.readouterr().out
        assert out, command
        assert foreign_words(out, language) == [], (command, foreign_words(out, language))


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[str]]]:
    """Both walks, run side by side (one process per language)."""
    folder = tmp_path_factory.mktemp("walk")
    env = {**os.environ, "BILAN_DATA_DIR": str(folder / "data")}
    runs = {
        language: subprocess.Popen(
            [sys.executable, "-m", "tests.ui.words_walk", language, str(folder)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for language in ("fr", "en")
    }
    seen = {}
    for language, run in runs.items():
        out, err = run.communicate(timeout=240)
        assert run.returncode == 0, err
        seen[language] = json.loads(out)
    return seen


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_screen_is_in_one_language(
    language: str, walked: dict[str, dict[str, list[str]]]
) -> None:
    screens = walked[language]
    exercises = [name for name in screens if name.startswith("exercise ")]
    assert len(exercises) == 26
    for name in ("dashboard", "quit notice", "profile", "hours", "export", "export, list open"):
        assert name in screens
    assert {"help", "homework import", "wipe confirmation"} <= set(screens)
    found = {
        name: foreign_words("\n".join(texts), language)
        for name, texts in screens.items()
        if foreign_words("\n".join(texts), language)
    }
    assert found == {}


def test_the_walk_saw_what_a_person_sees(walked: dict[str, dict[str, list[str]]]) -> None:
    """The collected text is the real screen: a test that saw nothing would pass on anything."""
    french, english = walked["fr"], walked["en"]
    assert "Fermer la liste" in "\n".join(french["export, list open"])
    assert "Close the list" in "\n".join(english["export, list open"])
    # Shown typeset in French: a narrow no-break space before "?" (#20).
    assert "Voulez-vous quitter\u202f?" in "\n".join(french["quit notice"])
    assert "Ma demande" in "\n".join(french["dashboard"])
    assert "My request" in "\n".join(english["dashboard"])
