"""The end of the bilan: ``bilan wipe`` and the interface's "Delete this workbook"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from bilan_tui.cli import main
from bilan_tui.cli.context import CommandContext
from bilan_tui.cli.wipe import run_wipe
from bilan_tui.store.lock import acquire_lock
from bilan_tui.store.repository import open_workbook
from bilan_tui.store.restore import set_aside
from bilan_tui.ui.screens.wipe import WipeScreen

from ..ui.helpers import make_app, mini_pack, wait_for_session
from .damage import make_workbook_with_backup


def books(data_dir: Path) -> Path:
    return data_dir / "workbooks"


def everything_of_default(data_dir: Path) -> list[Path]:
    """A workbook with backups, a damaged copy set aside, a lock, and a neighbour."""
    folder = books(data_dir)
    make_workbook_with_backup(folder / "default.sqlite", "old")
    set_aside(folder / "default.sqlite")  # as a restore would have done
    make_workbook_with_backup(folder / "default.sqlite", "current")
    make_workbook_with_backup(folder / "other.sqlite", "someone else's")
    with acquire_lock(folder / "default.sqlite"):
        pass
    return sorted(p for p in folder.rglob("*") if "default" in p.name)


def remaining(data_dir: Path) -> list[str]:
    """What is left (less the -wal/-shm a read-only look at the language may leave)."""
    names = (str(p.relative_to(data_dir)) for p in books(data_dir).rglob("*"))
    return sorted(name for name in names if not name.endswith(("-wal", "-shm")))


def test_wipe_removes_the_workbook_its_companions_and_backups(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doomed = everything_of_default(data_dir)
    assert len(doomed) >= 4
    assert main(["--lang", "en", "wipe", "--yes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Removed:"
    printed = {Path(line.strip()) for line in out[1:]}
    assert set(doomed) <= printed
    assert not any(path.exists() for path in doomed)
    left = remaining(data_dir)
    assert "workbooks/other.sqlite" in left
    assert any(name.startswith("workbooks/backups/other-") for name in left)
    assert not any("default" in p.name for p in books(data_dir).rglob("*")), "-wal/-shm too"
    with open_workbook(books(data_dir) / "other.sqlite", create=False) as other:
        assert other.exercise_answers("bilan", "demande").get("declencheur") == "someone else's"


def test_wipe_without_yes_and_without_a_terminal_removes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    everything_of_default(data_dir)
    before = remaining(data_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--lang", "en", "wipe"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert remaining(data_dir) == before


def context_for(data_dir: Path) -> CommandContext:
    return CommandContext(
        data_dir=data_dir, workbook="default", requested_language="en", debug=False
    )


@pytest.mark.parametrize(("answer", "code"), [("default", 0), ("yes", 1), ("", 1)])
def test_wipe_asks_for_the_workbook_name(data_dir: Path, answer: str, code: int) -> None:
    everything_of_default(data_dir)
    before = remaining(data_dir)
    questions: list[str] = []
    out = io.StringIO()

    def ask(question: str) -> str:
        questions.append(question)
        return answer

    assert run_wipe(context_for(data_dir), yes=False, ask=ask, out=out) == code
    text = out.getvalue()
    assert "This will permanently delete the workbook default:" in text
    assert "Export your synthesis first" in text
    assert "Keep your workbook until your follow-up interview" in text
    assert "must destroy the documents" in text and "R6313-7" in text
    assert str(books(data_dir) / "default.sqlite") in text
    assert questions == ["Type the workbook's name (default) to delete it: "]
    if code:
        assert "Nothing was deleted." in text
        assert remaining(data_dir) == before
    else:
        assert not (books(data_dir) / "default.sqlite").exists()


def test_wipe_is_refused_while_the_interface_is_open(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everything_of_default(data_dir)
    before = remaining(data_dir)
    with acquire_lock(books(data_dir) / "default.sqlite"):
        assert main(["--lang", "en", "wipe", "--yes"]) == 1
    assert "already open in another bilan window" in capsys.readouterr().err
    assert remaining(data_dir) == before


def test_wipe_with_nothing_there(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "wipe", "--yes"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


async def test_the_interface_asks_for_the_name_then_deletes_and_quits(data_dir: Path) -> None:
    path = books(data_dir) / "default.sqlite"
    make_workbook_with_backup(path, "to be destroyed")
    app = make_app(path, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Delete this workbook" in titles
        app.open_exercise("about")
        await pilot.pause()
        app.start_wipe()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WipeScreen)
        shown = " ".join(str(w.render()) for w in dialog.query("Static"))
        assert "Export your synthesis first" in shown
        assert "Keep your workbook until your follow-up interview" in shown
        assert "R6313-7" in shown
        assert str(path) in shown
        confirm = dialog.query_one("#wipe-confirm", Button)
        assert confirm.disabled
        dialog.query_one(Input).value = "defaul"
        await pilot.pause()
        await pilot.press("enter")
        assert confirm.disabled and app.screen is dialog
        dialog.query_one(Input).value = "default"
        await pilot.pause()
        assert not confirm.disabled
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
    assert app.return_value == 0
    assert not path.exists()
    assert not (books(data_dir) / "backups").exists()
    assert list(books(data_dir).rglob("*")) == []


async def test_the_interface_keeps_everything_on_cancel(data_dir: Path) -> None:
    path = books(data_dir) / "default.sqlite"
    make_workbook_with_backup(path)
    app = make_app(path, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.start_wipe()
        await pilot.pause()
        assert isinstance(app.screen, WipeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WipeScreen)
        assert app.is_running
    assert path.exists()


def test_a_wipe_cut_short_leaves_no_copy_behind(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed just before the workbook itself goes: the backups and set-aside copies are gone."""
    from bilan_tui.store import wipe as wiping
    from bilan_tui.store.backup import rolling_backups

    everything_of_default(data_dir)
    workbook = books(data_dir) / "default.sqlite"
    assert rolling_backups(workbook) and wiping.damaged_copies(workbook)
    real_remove = wiping.remove

    class Killed(BaseException):
        pass

    def remove_until_the_workbook(path: Path) -> None:
        if path == workbook:
            raise Killed
        real_remove(path)

    monkeypatch.setattr(wiping, "remove", remove_until_the_workbook)
    with pytest.raises(Killed):
        wiping.wipe_workbook(workbook)
    assert workbook.exists()
    assert rolling_backups(workbook) == []
    assert wiping.damaged_copies(workbook) == []
    assert not any("default-" in p.name for p in books(data_dir).rglob("*"))


def test_wipe_removes_only_the_copies_it_made(data_dir: Path) -> None:
    """``alice.damaged-keepme`` is the person's own file, not a copy set aside by a restore."""
    from .damage import fingerprint

    folder = books(data_dir)
    make_workbook_with_backup(folder / "alice.sqlite", "Alice")
    set_aside(folder / "alice.sqlite")  # named alice.damaged-<date>.sqlite
    make_workbook_with_backup(folder / "alice.sqlite", "Alice again")
    keep = folder / "alice.damaged-keepme"
    make_workbook_with_backup(keep, "Ma copie à moi")
    also = folder / "alice.damaged-2026.sqlite"
    also.write_bytes(keep.read_bytes())
    kept = {path: fingerprint(path) for path in (keep, also)}
    assert main(["--lang", "en", "--workbook", "alice", "wipe", "--yes"]) == 0
    assert {path: fingerprint(path) for path in (keep, also)} == kept
    left = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert "alice.sqlite" not in left
    assert [name for name in left if name.startswith("alice.damaged-")] == [
        "alice.damaged-2026.sqlite",
        "alice.damaged-keepme",
    ]


def test_wipe_overwrites_what_it_deletes_but_not_a_file_linked_elsewhere(
    data_dir: Path, tmp_path: Path
) -> None:
    import os

    from bilan_tui.store.backup import rolling_backups

    workbook = books(data_dir) / "default.sqlite"
    make_workbook_with_backup(workbook, "secret words")
    backup = rolling_backups(workbook)[0]
    mine = tmp_path / "my-own-copy.sqlite"
    os.link(backup, mine)  # a copy the person keeps under another name: same bytes
    other_backup = make_workbook_with_backup(workbook, "more secret words")
    handles = {path: os.open(path, os.O_RDONLY) for path in (workbook, other_backup)}
    try:
        assert main(["--lang", "en", "wipe", "--yes"]) == 0
        for path, fd in handles.items():
            data = os.pread(fd, os.fstat(fd).st_size, 0)
            assert data and data == bytes(len(data)), f"{path.name} was not overwritten"
    finally:
        for fd in handles.values():
            os.close(fd)
    assert not workbook.exists() and not other_backup.exists()
    with open_workbook(mine, create=False) as copy:
        assert copy.exercise_answers("bilan", "demande").get("declencheur") == "secret words"


def test_wipe_says_what_deletion_does_and_does_not(data_dir: Path) -> None:
    everything_of_default(data_dir)
    out = io.StringIO()
    assert run_wipe(context_for(data_dir), yes=False, ask=lambda _q: "", out=out) == 1
    text = " ".join(out.getvalue().split())
    assert "nothing can be recovered" not in text
    assert "overwritten with zeros" in text
    assert "SSD" in text and "copy-on-write" in text and "not encrypted" in text
    assert "including answers you have cleared since" in text
    listed = [line.strip() for line in out.getvalue().splitlines() if line.startswith("  ")]
    backups_listed = [i for i, line in enumerate(listed) if "/backups/" in line]
    workbook_line = listed.index(str(books(data_dir) / "default.sqlite"))
    assert backups_listed and max(backups_listed) < workbook_line, "the copies go first"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_dialog_says_what_deletion_does_and_keeps_its_buttons_in_view(
    data_dir: Path, size: tuple[int, int]
) -> None:
    path = books(data_dir) / "default.sqlite"
    make_workbook_with_backup(path, "to be destroyed")
    app = make_app(path, mini_pack())
    async with app.run_test(size=size) as pilot:
        await wait_for_session(app, pilot)
        app.start_wipe()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WipeScreen)
        shown = " ".join(str(w.render()) for w in dialog.query("Static"))
        assert "nothing can be recovered" not in shown
        assert "copy-on-write" in shown and "including answers you have cleared since" in shown
        screen = dialog.region
        for widget in ("#wipe-name", "#wipe-confirm", "#wipe-cancel", "#wipe-honesty"):
            region = dialog.query_one(widget).region
            assert region.height and screen.contains_region(region), f"{widget} out of view"
        await pilot.press("escape")
    assert path.exists()
