"""A reply file carries the consultant's part of the synthesis; a malformed one changes nothing.

The consultant writes it (``bilan homework reply``), the person imports it like
homework. It comes from someone else, so it is checked as a pack is: types,
sizes, one clear sentence per problem, and nothing written unless all is well.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.services.homework.fileformat import (
    MAX_NAME,
    MAX_SYNTHESIS,
    ConsultantSynthesis,
    HomeworkError,
    parse_homework,
)
from bilan_tui.store.repository import open_workbook

TODAY = datetime.date.today()
DUE = (TODAY + datetime.timedelta(days=7)).isoformat()
PAST = (TODAY - datetime.timedelta(days=1)).isoformat()

HEAD = """format = "bilan-homework"
version = 1
id = "2f1c7e0a-5b7d-4a57-9d0e-6b1f2f3c4d5e"
created = 2025-03-07T09:30:00Z
"""

GOOD = (
    HEAD
    + '''message = "Voici ma partie."

[synthesis]
text = """
Camille a un projet clair.

La prochaine étape est datée."""
name = "Sophie Marchal"
organisation = "Cap Parcours Conseil"
handed_over = 2025-03-07
'''
)


def workbook(data_dir: Path) -> Path:
    return data_dir / "workbooks" / "default.sqlite"


def write(tmp_path: Path, text: str, name: str = "reponse.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def consultant_answers(data_dir: Path) -> dict[str, object]:
    with open_workbook(workbook(data_dir), create=False) as opened:
        return {
            answer.key.field_id: answer.value
            for answer in opened.all_answers()
            if answer.key.exercise_id == "synthese-consultant"
        }


def synthesis_text(tmp_path: Path, name: str = "s.md") -> str:
    output = tmp_path / name
    assert main(["--lang", "en", "export", "--output", str(output)]) == 0
    return output.read_text("utf-8")


def test_a_well_formed_reply_reads_back() -> None:
    parsed = parse_homework(GOOD.encode("utf-8"))
    assert parsed.exercises == ()
    assert parsed.synthesis == ConsultantSynthesis(
        "Camille a un projet clair.\n\nLa prochaine étape est datée.",
        "Sophie Marchal",
        "Cap Parcours Conseil",
        datetime.date(2025, 3, 7),
    )
    assert parsed.message == "Voici ma partie."


def test_importing_a_reply_turns_the_draft_into_the_synthesis(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "homework", "import", str(write(tmp_path, GOOD))]) == 0
    out = capsys.readouterr().out
    assert "written by Sophie Marchal, Cap Parcours Conseil is in your workbook" in out
    assert "Voici ma partie." in out
    assert consultant_answers(data_dir) == {
        "texte": "Camille a un projet clair.\n\nLa prochaine étape est datée.",
        "nom": "Sophie Marchal",
        "organisme": "Cap Parcours Conseil",
        "remis_le": "2025-03-07",
    }
    text = synthesis_text(tmp_path)
    assert text.startswith("# Synthesis document\n")
    assert "*Handed over on 7 March 2025 by Sophie Marchal (Cap Parcours Conseil)*" in text
    # A reply is not an assignment: the homework list stays empty.
    with open_workbook(workbook(data_dir), create=False) as opened:
        assert opened.homework() == []


def test_the_consultant_writes_the_reply_the_person_imports(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    part = write(tmp_path, "Un projet clair.\n\nUne étape datée.\n", "partie.md")
    output = tmp_path / "reponse.toml"
    args = ["--synthesis", str(part), "--name", "Sophie Marchal", "--output", str(output)]
    assert main(["--lang", "en", "homework", "reply", *args, "--handed-over", "07/03/2025"]) == 0
    assert "Reply written to" in capsys.readouterr().out
    assert not data_dir.exists(), "the consultant's side writes nothing but the file"
    assert main(["--lang", "en", "homework", "import", str(output)]) == 0
    assert consultant_answers(data_dir)["texte"] == "Un projet clair.\n\nUne étape datée."
    assert main(["--lang", "en", "homework", "reply", *args]) == 2, "never overwrites"
    assert "already exists" in capsys.readouterr().err


def test_a_reply_can_come_with_exercises(tmp_path: Path, data_dir: Path) -> None:
    text = GOOD.replace(
        'message = "Voici ma partie."',
        f'message = ""\ndue = {DUE}\n\n[[exercises]]\npack = "bilan"\nid = "evaluation"\n',
    )
    assert main(["--lang", "en", "homework", "import", str(write(tmp_path, text))]) == 0
    assert consultant_answers(data_dir)["nom"] == "Sophie Marchal"
    with open_workbook(workbook(data_dir), create=False) as opened:
        [homework] = opened.homework()
    assert homework.exercises == ("evaluation",)


def synthesis_table(body: str) -> str:
    return HEAD + "\n[synthesis]\n" + body + "\n"


MALFORMED = [
    (HEAD + 'synthesis = "my part"\n', "is not a table ([synthesis])"),
    (synthesis_table('name = "Sophie"'), "has no text (text = ...)"),
    (synthesis_table("text = 3"), "has no text (text = ...)"),
    (synthesis_table('text = "   \\n  "'), "the consultant's part in the file is empty"),
    (synthesis_table('text = "\\u001b[2J"'), "the consultant's part in the file is empty"),
    (
        synthesis_table(f'text = "{"a" * (MAX_SYNTHESIS + 1)}"'),
        f"is too long ({MAX_SYNTHESIS + 1} characters, at most {MAX_SYNTHESIS})",
    ),
    (synthesis_table('text = "ok"\nname = 3'), "the consultant's name in the file is not text"),
    (
        synthesis_table('text = "ok"\nname = "Sophie\\nMarchal"'),
        "the consultant's name in the file must fit on one line",
    ),
    (
        synthesis_table(f'text = "ok"\norganisation = "{"o" * (MAX_NAME + 1)}"'),
        "the consultant's organisation in the file must fit on one line",
    ),
    (
        synthesis_table('text = "ok"\nhanded_over = "7 March"'),
        "is not a date (handed_over = YYYY-MM-DD)",
    ),
    (
        synthesis_table('text = "ok"\nhanded_over = 2025-03-07T10:00:00Z'),
        "is not a date (handed_over = YYYY-MM-DD)",
    ),
    (HEAD + f"due = {DUE}\n\n[other]\nx = 1\n", "lists no exercise"),
]

PAST_WITH_EXERCISES = GOOD.replace(
    'message = "Voici ma partie."',
    f'message = ""\ndue = {PAST}\n\n[[exercises]]\npack = "bilan"\nid = "evaluation"\n',
)
"""Homework past its due date: refused by the importer, the part it carries with it."""


@pytest.mark.parametrize(("text", "expected"), MALFORMED)
def test_a_malformed_reply_is_refused_in_one_sentence(text: str, expected: str) -> None:
    with pytest.raises(HomeworkError) as refused:
        parse_homework(text.encode("utf-8"))
    assert expected in str(refused.value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(("text", "expected"), [*MALFORMED, (PAST_WITH_EXERCISES, "has passed")])
def test_a_malformed_reply_changes_nothing(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    expected: str,
) -> None:
    bad = write(tmp_path, text, "bad.toml")
    assert main(["--lang", "en", "homework", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bilan: ") and err.count("\n") == 1, err
    assert expected in err
    assert not workbook(data_dir).exists(), "a refused file does not even create the workbook"
    # An existing workbook keeps its consultant's part as it was.
    assert main(["--lang", "en", "homework", "import", str(write(tmp_path, GOOD))]) == 0
    before = consultant_answers(data_dir)
    assert main(["--lang", "en", "homework", "import", str(bad)]) == 2
    assert consultant_answers(data_dir) == before


def test_control_sequences_in_a_reply_are_dropped(tmp_path: Path, data_dir: Path) -> None:
    text = GOOD.replace('name = "Sophie Marchal"', 'name = "Sophie\\u001b[31m Marchal"')
    assert main(["--lang", "en", "homework", "import", str(write(tmp_path, text))]) == 0
    assert consultant_answers(data_dir)["nom"] == "Sophie Marchal"
