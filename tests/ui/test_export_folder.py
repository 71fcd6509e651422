"""The export folder is remembered per workbook (#20.15), in the app and in ``bilan export``."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from bilan_tui.cli import main
from bilan_tui.store.repository import open_workbook

from .helpers import make_app, mini_pack, wait_for_session
from .test_export_screen import filled_workbook, open_export, settle


async def test_the_export_screen_starts_from_the_last_folder_used(tmp_path: Path) -> None:
    workbook = filled_workbook(tmp_path)
    folder = tmp_path / "mes documents"
    folder.mkdir()
    app = make_app(workbook, mini_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_export(app, pilot, folder)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert len(list(folder.iterdir())) == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await settle(app, pilot)
        assert app.screen.query_one("#export-folder", Input).value == str(folder.resolve())

    other = make_app(tmp_path / "other.sqlite", mini_pack())
    async with other.run_test(size=(120, 40)) as pilot:
        await wait_for_session(other, pilot)
        await pilot.press("e")
        await settle(other, pilot)
        shown = other.screen.query_one("#export-folder", Input).value
        assert shown != str(folder.resolve()), "another workbook keeps its own folder"


def test_bilan_export_without_output_writes_where_the_last_export_went(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_workbook(data_dir / "workbooks" / "w.sqlite", language="en"):
        pass
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    base = ["--workbook", "w", "--lang", "en", "export"]
    assert main([*base, "--output", str(chosen)]) == 0
    assert main(base) == 0
    assert len(list(chosen.iterdir())) == 2 and not list(elsewhere.iterdir())
    chosen_again = chosen / "gone"
    chosen_again.mkdir()
    assert main([*base, "--output", str(chosen_again)]) == 0
    for path in chosen_again.iterdir():
        path.unlink()
    chosen_again.rmdir()
    assert main(base) == 0, "a folder that no longer exists: the current one"
    assert len(list(elsewhere.iterdir())) == 1
