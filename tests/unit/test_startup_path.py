"""What the interface's first frame relies on: the quick parse and the stand-in pack.

A plain ``bilan`` skips the full command grammar and draws its dashboard
from the pack's outline (DESIGN §12); both must agree with the slow path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.cli import _interface_args, main
from bilan_tui.domain.model import Kind
from bilan_tui.packs import (
    load_pack,
    load_shipped_outline,
    load_shipped_pack,
    outline_pack,
    read_outline,
)

MINI = Path(__file__).parent.parent / "fixtures" / "packs" / "mini"


def _shown(pack: object) -> list[tuple[object, ...]]:
    """What the dashboard and the palette read from a pack, exercise by exercise."""
    from bilan_tui.domain.model import Pack

    assert isinstance(pack, Pack)
    return [
        (phase.id, ex.id, ex.ref, ex.title, ex.kind, ex.phase, ex.minutes, ex.summary, ex.pack_id)
        for phase in pack.phases
        for ex in phase.exercises
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_stand_in_pack_shows_what_the_full_pack_shows(language: str) -> None:
    preview = outline_pack(load_shipped_outline(language))
    full = load_shipped_pack(language)
    assert (preview.id, preview.language, preview.title) == (full.id, full.language, full.title)
    assert _shown(preview) == _shown(full)


def test_the_stand_in_of_a_pack_with_a_broken_file_still_lists_it(tmp_path: Path) -> None:
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    (pack_dir / "values.md").write_text("+++\ntitle = 'Odd'\nkind = 'nonsense'\n+++\n")
    preview = outline_pack(read_outline(pack_dir))
    values = preview.exercise("values")
    assert values is not None
    assert (values.title, values.kind) == ("Odd", Kind.FORM)
    assert [ex.id for ex in preview.exercises] == [ex.id for ex in load_pack(MINI).exercises]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {"workbook": None, "data_dir": None, "lang": None, "debug": False}),
        (
            ["--workbook", "essai", "--lang", "en", "--data-dir", "/x", "--debug"],
            {"workbook": "essai", "data_dir": "/x", "lang": "en", "debug": True},
        ),
        (["--workbook=status"], {"workbook": "status"}),
    ],
)
def test_global_options_alone_are_parsed_without_the_commands(
    argv: list[str], expected: dict[str, object]
) -> None:
    args = _interface_args(argv)
    assert args is not None
    assert args.command is None
    for name, value in expected.items():
        assert getattr(args, name) == value


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--lang", "de"],
        ["--workbook"],
        ["--work", "essai"],  # an abbreviation: the full parser knows what it means
        ["--bogus"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert _interface_args(argv) is None


def test_a_bad_global_option_is_still_explained_by_the_full_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "de"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'de'" in err
    assert "usage: bilan" in err


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_outline_written_ahead_shows_what_the_full_pack_shows(language: str) -> None:
    """Fails when ``content/`` changed without ``python tools/outline.py``."""
    from bilan_tui.packs.preview import shipped_preview

    preview = shipped_preview(language)
    full = load_shipped_pack(language)
    assert (preview.id, preview.language, preview.title) == (full.id, full.language, full.title)
    assert preview.root == full.root
    assert _shown(preview) == _shown(full)


def test_the_outline_module_is_what_the_tool_writes() -> None:
    """Same data and same formatting as ``python tools/outline.py`` would write now."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(root / "tools" / "outline.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_first_frame_reads_no_toml() -> None:
    """The stand-in pack comes without tomllib or the pack reader (DESIGN §12)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from bilan_tui.packs.preview import shipped_preview\n"
        "pack = shipped_preview('fr')\n"
        "assert len(pack.exercises) == 26, len(pack.exercises)\n"
        "loaded = [m for m in ('tomllib', 'bilan_tui.packs.outline', 'bilan_tui.packs.loader',"
        " 'bilan_tui.domain.parts') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


TOKENS = [
    "--data-dir",
    "--workbook",
    "--lang",
    "--debug",
    "--debug=1",
    "--lang=en",
    "--lang=fr",
    "--lang=de",
    "--workbook=essai",
    "--data-dir=/tmp/x",
    "--work",
    "-h",
    "--",
    "status",
    "en",
    "fr",
    "essai",
    "/tmp/y",
    "",
    "-x",
]


@given(st.lists(st.sampled_from(TOKENS), max_size=7))
def test_where_the_quick_reader_answers_argparse_agrees(argv: list[str]) -> None:
    """The reference is the parser the quick reader replaced: argparse with the same options."""
    import argparse

    from bilan_tui.cli import _common_options

    quick = _interface_args(argv)
    if quick is None:
        return
    parser = argparse.ArgumentParser(
        prog="bilan", add_help=False, allow_abbrev=False, exit_on_error=False
    )
    _common_options(parser, suppress=False)
    reference, rest = parser.parse_known_args(argv)
    assert rest == []
    assert vars(quick) == {**vars(reference), "command": None}
