"""Homework from both sides (#20.11): ids a consultant can use, imports that say what is done."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reseau-pro"
DUE = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()


def test_pack_list_shows_every_exercise_id_with_its_title(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "install", str(EXAMPLE)]) == 0
    capsys.readouterr()
    assert main(["--lang", "fr", "pack", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    shipped = load_shipped_pack("fr")
    for exercise in shipped.exercises:
        assert any(
            line.split() and line.split()[0] == exercise.id and exercise.title in line
            for line in lines
        ), exercise.id
    assert any(line.split()[:1] == ["contacts"] for line in lines), "the installed pack's ids"


def test_an_unknown_exercise_names_the_valid_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "devoir.toml"
    args = ["--lang", "fr", "homework", "new", "--due", DUE, "--output", str(output)]
    assert main([*args, "--exercises", "valeur", "--pack", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert "valeur" in err and "valeurs" in err and "demande" in err and "contacts" in err, err
    assert err.count("\n") == 1 and not output.exists()


def test_importing_homework_already_done_says_so(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "devoir.toml"
    args = ["homework", "new", "--due", DUE, "--output", str(output)]
    assert main([*args, "--exercises", "valeurs,demande"]) == 0
    pack = load_shipped_pack("fr")
    path = data_dir / "workbooks" / "default.sqlite"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    session = WorkbookSession.open(path, pack, language="fr", create=True)
    try:
        for exercise_id in ("valeurs", "demande"):
            exercise = pack.exercise(exercise_id)
            assert exercise is not None
            session.set_done(exercise, True)
    finally:
        session.close()
    capsys.readouterr()
    assert main(["--lang", "fr", "homework", "import", str(output)]) == 0
    out = capsys.readouterr().out
    titles = [pack.exercise(name).title for name in ("valeurs", "demande")]  # type: ignore[union-attr]
    assert f"Les 2 exercices de ce devoir sont déjà terminés : {', '.join(titles)}." in out, out
