"""The dashboard of each workbook shows its own homework's exercises only (issue 20, point 2)."""

from __future__ import annotations

import datetime
from pathlib import Path

from bilan_tui.cli import main
from bilan_tui.packs import load_library, load_pack
from bilan_tui.ui.widgets.phase_list import PhaseList

from .helpers import make_app, shipped_pack, wait_for_session

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "reseau-pro"
DUE = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()


def pack_titles() -> dict[str, str]:
    """Each exercise id of the example pack and its title."""
    return {exercise.id: exercise.title for exercise in load_pack(EXAMPLE).exercises}


async def dashboard_lines(workbook: Path, data_dir: Path) -> list[str]:
    """The lines of a workbook's dashboard, opened with the data folder's library."""
    library = load_library(shipped_pack(), data_dir)
    app = make_app(workbook, library)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_session(app, pilot)
        return [str(option.prompt) for option in app.screen.query_one(PhaseList).options]


async def test_only_the_importing_workbook_shows_the_assigned_exercises(
    tmp_path: Path, data_dir: Path
) -> None:
    homework = tmp_path / "devoir.toml"
    args = ["homework", "new", "--pack", str(EXAMPLE), "--exercises", "contacts,engagements"]
    assert main([*args, "--due", DUE, "--output", str(homework)]) == 0
    assert main(["--workbook", "a", "homework", "import", str(homework)]) == 0
    titles = pack_titles()

    lines_a = await dashboard_lines(data_dir / "workbooks" / "a.sqlite", data_dir)
    shown = {
        exercise_id
        for exercise_id, title in titles.items()
        if any(title in line for line in lines_a)
    }
    assert shown == {"contacts", "engagements"}

    lines_b = await dashboard_lines(data_dir / "workbooks" / "b.sqlite", data_dir)
    assert not any(title in line for title in titles.values() for line in lines_b)
    headers_a = [line for line in lines_a if "phase" in line]
    assert headers_a == [
        "Preliminary phase  0/4",
        "Investigation phase  0/14",
        "Conclusions phase  0/10",
    ]
    headers_b = [line for line in lines_b if "phase" in line]
    assert headers_b == [
        "Preliminary phase  0/4",
        "Investigation phase  0/13",
        "Conclusions phase  0/9",
    ]
