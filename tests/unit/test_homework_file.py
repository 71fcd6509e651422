"""The homework file: what is written reads back the same, and what is malformed is refused."""

from __future__ import annotations

import datetime
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilan_tui.services.homework import toml_text
from bilan_tui.services.homework.fileformat import (
    AssignedExercise,
    HomeworkError,
    HomeworkFile,
    parse_homework,
    render_homework,
)

CREATED = datetime.datetime(2025, 1, 6, 9, 30, tzinfo=datetime.UTC)


def sample(**changes: object) -> HomeworkFile:
    values: dict[str, object] = {
        "id": "2f1c7e0a-5b7d-4a57-9d0e-6b1f2f3c4d5e",
        "created": CREATED,
        "due": datetime.date(2025, 1, 20),
        "message": "Avant notre rendez-vous de jeudi.\nBon courage !",
        "exercises": (AssignedExercise("bilan", "valeurs"), AssignedExercise("mini", "values")),
        "pack_files": {"pack.toml": 'id = "mini"\n', "values.md": '+++\nid = "values"\n+++\n'},
    }
    values.update(changes)
    return HomeworkFile(**values)  # type: ignore[arg-type]


def test_a_written_file_reads_back_the_same() -> None:
    homework = sample()
    text = render_homework(homework)
    assert text.startswith("# ")
    assert 'format = "bilan-homework"' in text and "version = 1" in text
    assert "due = 2025-01-20" in text
    assert parse_homework(text.encode("utf-8")) == homework


def test_embedded_pack_files_stay_readable() -> None:
    text = render_homework(sample())
    assert 'id = "mini"' in text  # quotes inside a multi-line string are not escaped


text_strategy = st.text(st.characters(codec="utf-8"), max_size=200)


@settings(max_examples=200, deadline=None)
@given(value=text_strategy)
def test_any_text_survives_the_toml_writer(value: str) -> None:
    assert tomllib.loads("key = " + toml_text.string(value))["key"] == value


@settings(max_examples=100, deadline=None)
@given(files=st.dictionaries(st.sampled_from(["pack.toml", "a.md", "b-2.md"]), text_strategy))
def test_any_pack_text_round_trips(files: dict[str, str]) -> None:
    homework = sample(pack_files=files)
    parsed = parse_homework(render_homework(homework).encode("utf-8"))
    assert parsed.pack_files == files


def test_the_message_is_cleaned_of_terminal_controls() -> None:
    text = render_homework(sample(message="Bonjour \x1b[31mrouge\x1b[0m \u202eà l'envers"))
    assert parse_homework(text.encode("utf-8")).message == "Bonjour rouge à l'envers"


def _refusal(data: bytes) -> str:
    with pytest.raises(HomeworkError) as caught:
        parse_homework(data)
    message = str(caught.value)
    assert "\n" not in message
    return message


def _without(key: str) -> bytes:
    lines = render_homework(sample(pack_files={})).splitlines()
    return "\n".join(line for line in lines if not line.startswith(f"{key} =")).encode("utf-8")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff\xfe not text", "not text"),
        (b"this is [not toml", "invalid TOML"),
        (b'title = "a pack"\n', "not a homework file"),
        (b'format = "bilan-homework"\n', "no format version"),
        (b'format = "bilan-homework"\nversion = 2\n', "update bilan"),
        (_without("due"), "no due date"),
        (_without("id"), "no valid id"),
        (_without("created"), "no creation time"),
    ],
)
def test_malformed_files_are_refused_in_one_sentence(data: bytes, expected: str) -> None:
    assert expected in _refusal(data)


def test_a_file_without_exercises_is_refused() -> None:
    text = render_homework(sample(pack_files={})).split("[[exercises]]")[0]
    assert "no exercise" in _refusal(text.encode("utf-8"))


def test_an_invalid_exercise_id_is_refused() -> None:
    text = render_homework(sample(pack_files={})).replace('id = "valeurs"', 'id = "../x"')
    assert "exercise 1" in _refusal(text.encode("utf-8"))


def test_a_due_date_must_be_a_date() -> None:
    text = render_homework(sample(pack_files={})).replace("due = 2025-01-20", 'due = "soon"')
    assert "no due date" in _refusal(text.encode("utf-8"))


def test_pack_files_must_be_text() -> None:
    text = render_homework(sample(pack_files={})) + '\n[pack.files]\n"pack.toml" = 3\n'
    assert "not text" in _refusal(text.encode("utf-8"))


def test_the_homework_package_is_headless() -> None:
    """The command line imports it: neither Textual nor SQLModel may come along."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import bilan_tui.services.homework.create, bilan_tui.services.homework.importer\n"
        "import bilan_tui.services.homework.view\n"
        "import bilan_tui.packs.install, bilan_tui.packs.library\n"
        "print(' '.join(sys.modules))\n"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "bilan_tui.services.homework.view" in loaded
    assert not {"textual", "sqlmodel", "sqlalchemy"} & loaded


@pytest.mark.parametrize(
    ("language", "first_lines"),
    [
        (
            "fr",
            [
                "# Un fichier de devoir pour un bilan de compétences.",
                "# Pour l'importer : bilan homework import <fichier>",
            ],
        ),
        (
            "en",
            [
                "# A homework file for a bilan de compétences.",
                "# Import it with: bilan homework import <file>",
            ],
        ),
    ],
)
def test_the_opening_comment_is_in_the_language_of_the_command(
    language: str, first_lines: list[str]
) -> None:
    from bilan_tui.i18n import set_language

    set_language(language)
    text = render_homework(sample())
    assert text.splitlines()[:2] == first_lines
    assert parse_homework(text.encode("utf-8")) == sample()
