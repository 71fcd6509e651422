"""Issue 21.1 as found: private answers feeding a grid and a matrix, exported for an employer.

The fixture pack is installed with ``bilan pack install``, its records
exercises have private names and skills, a grid draws its items from those
skills and a matrix its options from those names. Through the real command
line, the employer's copy (every part of the bilan, Markdown and JSON, detail
and synthesis) holds none of the private text; with ``--include-private``
it does, where it belongs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.packs.loader import load_pack
from bilan_tui.store.repository import open_workbook

from ..unit.privacy_helpers import found_in, marked_answers

FIXTURE = Path(__file__).parent.parent / "fixtures" / "packs" / "private"


def test_an_installed_packs_private_answers_stay_out_of_the_employers_copy(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "pack", "install", str(FIXTURE)]) == 0
    marked = marked_answers(load_pack(FIXTURE), "rb")
    with open_workbook(data_dir / "workbooks" / "w.sqlite", language="en") as opened:
        opened.save_answers(marked.answers)
    capsys.readouterr()
    common = [
        "--workbook",
        "w",
        "--lang",
        "en",
        "export",
        "--for",
        "employer",
        "--agree-to-share",
        "--despite-modalites",
    ]
    common += ["--content", "all"]
    for scope in ("detail", "synthese"):
        for format_ in ("md", "json"):
            target = tmp_path / f"{scope}.{format_}"
            args = ["--scope", scope, "--format", format_, "--output", str(target)]
            assert main([*common, *args]) == 0
            text = target.read_text(encoding="utf-8")
            assert found_in(text, marked) == [], (scope, format_)
    detail = (tmp_path / "detail.md").read_text(encoding="utf-8")
    assert "2 private answers are left out here." in detail  # a story's title and skills
    assert "4 private answers are left out here." in detail  # the life event about health
    data = json.loads((tmp_path / "detail.json").read_text(encoding="utf-8"))
    exercises = {exercise["id"]: exercise for exercise in data["exercises"]}
    grid = [item["text"] for item in exercises["competences"]["results"]["items"]]
    assert grid == ["Organise a team's week", "public own skill"]
    assert [o["label"] for o in exercises["comparaison"]["results"]["options"]] == [""]

    target = tmp_path / "everything.json"
    args = ["--scope", "detail", "--format", "json", "--include-private", "--output", str(target)]
    assert main([*common, *args]) == 0
    text = target.read_text(encoding="utf-8")
    assert sorted(found_in(text, marked)) == sorted(marked.private + marked.numbers)
    data = json.loads(text)
    exercises = {exercise["id"]: exercise for exercise in data["exercises"]}
    grid = [item["text"] for item in exercises["competences"]["results"]["items"]]
    assert marked.tag in grid
