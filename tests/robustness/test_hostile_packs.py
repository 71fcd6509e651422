"""Hostile packs, homework files and special files: refused at once, in little memory.

Issue 21, points 2 to 4. Each hostile input is given to the real command
(``bilan pack check``, ``bilan pack install``, ``bilan homework import``,
``bilan restore``, ``bilan status``) in a child process whose memory is capped
at 1 GiB (``hostile_inputs.measured_main``); the child reports its exit status,
its time and its peak memory (``getrusage``). On the old code these passed the
check and froze the interface, ran for minutes (quadratic checking), or hung
on a named pipe and filled the memory from ``/dev/zero``; here each is
refused with one clear sentence well within the bounds below (the real
figures are in ``tests/robustness/README.md``).
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .hostile_inputs import (
    MANIFEST,
    PACKS,
    fifo,
    homework_carrying,
    homework_listing,
    write_pack,
)

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 5.0
"""Generous bound on one refusal (the issue asks for one second; see the README)."""
MEGABYTES = 300.0
"""Generous bound on the child's peak memory (the issue asks for 100 MB)."""
TIMEOUT = 30.0
"""The old code hung here: the child is killed and the test fails."""


@dataclasses.dataclass(frozen=True)
class Run:
    status: int
    seconds: float
    megabytes: float
    out: str
    err: str

    def assert_refused_quickly(self, words: str) -> None:
        assert self.status == 2, (self.status, self.out[-2000:], self.err)
        assert words in self.out + self.err, (self.out[-2000:], self.err)
        assert "Traceback" not in self.err, self.err
        assert self.seconds < SECONDS, self.seconds
        assert self.megabytes < MEGABYTES, self.megabytes


def bilan(data_dir: Path, *args: str) -> Run:
    """``bilan --lang en ARGS`` in a child process, measured."""
    env = {**os.environ, "BILAN_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.robustness.hostile_inputs", "--lang", "en", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    body, _, last = done.stdout.rstrip("\n").rpartition("\n@@ ")
    assert last, (done.stdout[-2000:], done.stderr[-2000:])
    status, seconds, megabytes = last.split()
    return Run(int(status), float(seconds), float(megabytes), body, done.stderr)


NAMES = list(PACKS)


# Point 2 and 3: numbers that size the interface, and checking that stays linear ---


@pytest.mark.parametrize("name", NAMES)
def test_pack_check_refuses_the_hostile_pack(tmp_path: Path, name: str) -> None:
    make, words = PACKS[name]
    folder = write_pack(tmp_path / "pack", make())
    run = bilan(tmp_path / "data", "pack", "check", str(folder))
    run.assert_refused_quickly(words)
    assert "no problem found" not in run.out


@pytest.mark.parametrize("name", NAMES)
def test_homework_import_refuses_the_file_carrying_it(tmp_path: Path, name: str) -> None:
    make, words = PACKS[name]
    homework = homework_carrying(tmp_path / "devoir.toml", make())
    data = tmp_path / "data"
    run = bilan(data, "homework", "import", str(homework))
    run.assert_refused_quickly("bilan: ")
    refusals = (words, "is too large", "too many lines to be a homework file")
    assert any(refusal in run.err for refusal in refusals), run.err
    assert not (data / "workbooks").exists() or not any((data / "workbooks").rglob("x.md"))


def test_thousands_of_problems_are_counted_not_listed(tmp_path: Path) -> None:
    """Checking stops listing at 100 problems and says how many more there are."""
    make, _ = PACKS["20,000 unknown keys on one line"]
    folder = write_pack(tmp_path / "pack", make())
    run = bilan(tmp_path / "data", "pack", "check", str(folder))
    run.assert_refused_quickly("unknown key 'k0'")
    lines = run.out.splitlines()
    assert len(lines) == 101
    assert lines[-1] == "… and 19900 more problems"
    assert f"20000 problems in {folder}" in run.err


def test_homework_import_says_how_many_problems_in_all(tmp_path: Path) -> None:
    make, _ = PACKS["20,000 unknown keys on one line"]
    homework = homework_carrying(tmp_path / "devoir.toml", make())
    run = bilan(tmp_path / "data", "homework", "import", str(homework))
    run.assert_refused_quickly("(and 19999 more)")


def test_a_homework_file_of_40000_exercises_is_refused_at_once(tmp_path: Path) -> None:
    homework = homework_listing(tmp_path / "devoir.toml", 40_000)
    run = bilan(tmp_path / "data", "homework", "import", str(homework))
    run.assert_refused_quickly("this file has too many lines to be a homework file")


def test_a_homework_file_of_1000_exercises_is_refused_at_once(tmp_path: Path) -> None:
    homework = homework_listing(tmp_path / "devoir.toml", 1_000)
    run = bilan(tmp_path / "data", "homework", "import", str(homework))
    run.assert_refused_quickly("the homework file lists 1000 exercises; at most 300 are allowed")


def test_a_pack_of_many_long_files_is_refused_by_its_lines(tmp_path: Path) -> None:
    """Each file under its own bounds, together more lines than a check reads in a second."""
    folder = tmp_path / "pack"
    folder.mkdir()
    ids = [f"x{number}" for number in range(15)]
    manifest = MANIFEST.replace('exercises = ["x"]', f"exercises = {ids!r}".replace("'", '"'))
    (folder / "pack.toml").write_text(manifest, "utf-8")
    filler = "# a comment\n" * 3_900
    field = '[[fields]]\nid = "t"\nlabel = "T"\ntype = "text"\n'
    for ident in ids:
        (folder / f"{ident}.md").write_text(
            f'+++\nid = "{ident}"\ntitle = "X"\nkind = "form"\n{filler}{field}+++\n', "utf-8"
        )
    run = bilan(tmp_path / "data", "pack", "check", str(folder))
    run.assert_refused_quickly("pack.toml:1: the pack files total more than 40000 lines")


def test_a_homework_file_of_many_lines_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """Unknown keys are ignored in a homework file, but 60,000 of them are not read."""
    homework = homework_listing(tmp_path / "devoir.toml", 1)
    text = homework.read_text("utf-8").replace('id = "x0"', 'id = "valeurs"')
    head, _, rest = text.partition("[[exercises]]")
    junk = "".join(f"k{n} = 1\n" for n in range(60_000))
    homework.write_text(head + junk + "[[exercises]]" + rest, "utf-8")
    run = bilan(tmp_path / "data", "homework", "import", str(homework))
    run.assert_refused_quickly("this file has too many lines to be a homework file")


# Point 4: special files ------------------------------------------------------------


def _special_pack(folder: Path, kind: str) -> Path:
    make, _ = PACKS["rating of 50,000,000 points"]
    write_pack(folder, make())
    target = folder / "x.md"
    target.unlink()
    if kind == "link to /dev/zero":
        target.symlink_to("/dev/zero")
    elif kind == "named pipe":
        fifo(target)
    else:  # a 106 MB exercise, sparse: no disk used, zeros past a valid front matter
        target.write_text('+++\nid = "x"\ntitle = "X"\nkind = "form"\n+++\n', "utf-8")
        os.truncate(target, 106 << 20)
    return folder


SPECIAL = ["link to /dev/zero", "named pipe", "106 MB file"]
REFUSALS = {
    "link to /dev/zero": "x.md:1: cannot read: it is a device, not a file",
    "named pipe": "x.md:1: cannot read: it is a named pipe (FIFO), not a file",
    "106 MB file": "x.md:1: cannot read: it is too large (106 MiB; at most 256 KiB)",
}


@pytest.mark.parametrize("kind", SPECIAL)
def test_pack_check_refuses_a_special_exercise_file(tmp_path: Path, kind: str) -> None:
    folder = _special_pack(tmp_path / "pack", kind)
    run = bilan(tmp_path / "data", "pack", "check", str(folder))
    run.assert_refused_quickly(REFUSALS[kind])


@pytest.mark.parametrize("kind", SPECIAL)
def test_pack_install_installs_nothing_from_a_special_file(tmp_path: Path, kind: str) -> None:
    folder = _special_pack(tmp_path / "pack", kind)
    data = tmp_path / "data"
    run = bilan(data, "pack", "install", str(folder))
    run.assert_refused_quickly(REFUSALS[kind])
    assert not (data / "packs" / "hostile").exists()


def test_a_pack_folder_larger_than_an_archive_may_be_is_refused(tmp_path: Path) -> None:
    """Nine stray 256 KiB files: the folder is over the 2 MiB an archive may hold."""
    make, _ = PACKS["rating of 50,000,000 points"]
    folder = write_pack(tmp_path / "pack", make())
    for number in range(9):
        (folder / f"y{number}.md").touch()
        os.truncate(folder / f"y{number}.md", 256 << 10)
    run = bilan(tmp_path / "data", "pack", "check", str(folder))
    run.assert_refused_quickly("the pack files total 2.3 MiB; a pack may hold at most 2 MiB")


@pytest.mark.parametrize("kind", ["/dev/zero", "named pipe"])
def test_homework_import_refuses_a_special_file(tmp_path: Path, kind: str) -> None:
    path = Path("/dev/zero") if kind == "/dev/zero" else fifo(tmp_path / "devoir.toml")
    words = "a device" if kind == "/dev/zero" else "a named pipe (FIFO)"
    data = tmp_path / "data"
    run = bilan(data, "homework", "import", str(path))
    run.assert_refused_quickly(f"{path} cannot be a homework file: it is {words}, not a file")
    assert not (data / "workbooks").exists()


def _workbook(data: Path) -> Path:
    """A real workbook with one line of hours (and so its first backup)."""
    run = bilan(
        data,
        *("hours", "add", "--date", "2026-11-02", "--duration", "1h"),
        *("--phase", "preliminaire", "--kind", "personnel"),
    )
    assert run.status == 0, run.err
    return data / "workbooks" / "default.sqlite"


def test_restore_refuses_a_named_pipe(tmp_path: Path) -> None:
    data = tmp_path / "data"
    workbook = _workbook(data)
    before = workbook.read_bytes()
    pipe = fifo(tmp_path / "backup.sqlite")
    run = bilan(data, "restore", str(pipe))
    run.assert_refused_quickly(f"cannot restore {pipe}: it is a named pipe (FIFO), not a file")
    assert workbook.read_bytes() == before


@pytest.mark.parametrize("command", [["status"], ["hours"], ["backup"], []])
def test_a_named_pipe_in_place_of_the_workbook_is_refused(
    tmp_path: Path, command: list[str]
) -> None:
    data = tmp_path / "data"
    workbook = _workbook(data)
    workbook.unlink()
    for companion in workbook.parent.glob("default.sqlite-*"):
        companion.unlink()
    fifo(workbook)
    run = bilan(data, *command)
    assert run.status == 1, (run.status, run.err)
    assert "it is a named pipe (FIFO), not a file" in run.err
    assert run.seconds < SECONDS and run.megabytes < MEGABYTES


# Point 2: the screen draws whatever guidance it is given -------------------------


CUT = "The guidance is too long to be shown in full: it was cut here\\."
"""The notice, as the Markdown source holds it (its full stop escaped)."""


def test_guidance_too_long_for_the_screen_is_cut_with_a_notice() -> None:
    from bilan_tui.packs.guidance import shown_guidance
    from bilan_tui.packs.limits import MAX_GUIDANCE_CHARS, MAX_GUIDANCE_LINES

    long_list = "- a\n" * 80_000
    shown = shown_guidance(long_list)
    assert shown.count("\n- a") < MAX_GUIDANCE_LINES
    assert shown.endswith("\n\n---\n\n" + CUT)
    table = "| a | b |\n|---|---|\n" + "|1|2|\n" * 70_000
    assert len(shown_guidance(table)) < MAX_GUIDANCE_CHARS
    fence = "```\n" + "code\n" * 5_000
    cut = shown_guidance(fence)
    assert cut.count("```") == 2  # the cut code block is closed before the notice
    ordinary = "Some *guidance*.\n\n- one\n- two\n"
    assert shown_guidance(ordinary) == ordinary


async def test_the_exercise_screen_shows_a_huge_guidance_cut(tmp_path: Path) -> None:
    """A pack that skipped the check (built in memory) still opens, its guidance cut."""
    from bilan_tui.domain.model import Phase
    from bilan_tui.packs.limits import MAX_GUIDANCE_LINES
    from bilan_tui.ui.widgets.guidance import Guidance
    from tests.ui.helpers import make_app, mini_pack, open_exercise

    pack = mini_pack()
    huge = "Read this.\n\n" + "- an item\n" * 20_000
    phases = tuple(
        Phase(
            phase.id,
            tuple(
                dataclasses.replace(exercise, guidance=huge) if exercise.id == "about" else exercise
                for exercise in phase.exercises
            ),
        )
        for phase in pack.phases
    )
    pack = dataclasses.replace(pack, phases=phases)
    app = make_app(tmp_path / "huge.sqlite", pack)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_exercise(app, pilot, "about")
        guidance = screen.query_one("#guidance", Guidance)
        assert guidance.source.endswith(CUT)
        assert guidance.virtual_size.height < MAX_GUIDANCE_LINES + 10
        await pilot.press("ctrl+q")
