"""The palette finds exercises and commands by their words, in the person's language."""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from bilan_tui.cli.context import CommandContext
from bilan_tui.cli.tui import restart_in
from bilan_tui.store.saved_language import read_saved_language
from bilan_tui.ui.palette import PRIVATE_NAMES, BilanPalette
from tests.ui.helpers import make_app, shipped_pack, wait_for_session


def test_the_private_parts_of_textual_we_rely_on_still_exist() -> None:
    """An upgrade of Textual that renames them must fail here, not show English words."""
    init_source = inspect.getsource(CommandPalette.__init__)
    for name in PRIVATE_NAMES:
        assert hasattr(CommandPalette, name) or f"self.{name}" in init_source, name


async def palette_prompts(app: object, pilot: object, query: str, expected: str) -> list[str]:
    """Type ``query`` in the open palette; the prompts it lists once ``expected`` shows.

    Polls (up to ten seconds on a loaded machine) rather than trusting one pause:
    the search and the "nothing found" countdown run on timers and workers.
    """
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = app.screen  # type: ignore[attr-defined]
    assert isinstance(palette, BilanPalette)
    palette.query_one("CommandInput").value = query
    prompts: list[str] = []
    for _ in range(100):
        await pilot.pause(0.1)
        prompts = [str(option.prompt) for option in palette.query_one(CommandList).options]
        if any(expected in prompt for prompt in prompts):
            break
    return prompts


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("interest", "My interests"),
        ("lifelines", "My lifeline"),
        ("SKILL", "My skills"),
        ("synthesis", "Export"),  # found by its description
        ("francais", "Language: français / English"),
    ],
)
async def test_palette_finds_by_words(tmp_path: Path, query: str, expected: str) -> None:
    app = make_app(tmp_path / "w.sqlite", shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_session(app, pilot)
        prompts = await palette_prompts(app, pilot, query, expected)
        assert any(expected in prompt for prompt in prompts), prompts


async def test_nothing_found_is_said_in_the_persons_words(tmp_path: Path) -> None:
    app = make_app(tmp_path / "w.sqlite", shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_session(app, pilot)
        prompts = await palette_prompts(app, pilot, "zzzz", "Nothing found")
        assert any("Nothing found" in prompt for prompt in prompts), prompts
        assert not any("No matches" in prompt for prompt in prompts)


async def test_switching_language_is_remembered_and_restarts(tmp_path: Path) -> None:
    workbook = tmp_path / "w.sqlite"
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_session(app, pilot)
        app.switch_language()
        await pilot.pause()
    assert app.switch_language_to == "fr"
    assert app.return_code == 0
    assert read_saved_language(workbook) == "fr"


def test_restart_runs_bilan_again_on_the_same_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def fake_execv(_path: str, argv: list[str]) -> None:
        calls.append(argv)
        raise SystemExit(0)

    monkeypatch.setattr(os, "execv", fake_execv)
    context = CommandContext(
        data_dir=tmp_path, workbook="essai", requested_language="fr", debug=False
    )
    with pytest.raises(SystemExit):
        restart_in(context, "en")
    argv = calls[0]
    assert argv[1:] == [
        "-m",
        "bilan_tui",
        "--lang",
        "en",
        "--data-dir",
        str(tmp_path),
        "--workbook",
        "essai",
    ]
