"""Write the shipped pack's outline ahead of time, for the dashboard's first frame.

    python tools/outline.py          # rewrite bilan_tui/packs/shipped_outline.py
    python tools/outline.py --check  # exit 1 if that file is out of date

Run it after changing a title, a summary, an estimated time or the order of
the exercises in ``content/``; the tests fail until it has been run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bilan_tui.packs.names import LANGUAGES
from bilan_tui.packs.outline import PackOutline, read_outline
from bilan_tui.packs.shipped import shipped_pack_root

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "bilan_tui" / "packs" / "shipped_outline.py"

HEADER = '''"""The shipped packs' phases and exercise titles, written by ``tools/outline.py``.

Do not edit: change ``content/`` and run ``python tools/outline.py``. Read by
``preview.py`` for the dashboard's first frame.
"""

# ruff: noqa: E501 (generated data: one title or summary per line)
from __future__ import annotations

from typing import Final

'''


def rows(outline: PackOutline) -> tuple[object, ...]:
    """The outline as the plain tuples ``preview.pack_from_rows`` reads."""
    return (
        outline.id,
        outline.language,
        outline.title,
        tuple(
            (
                phase.id,
                tuple(
                    (exercise.id, exercise.title, exercise.kind, exercise.minutes, exercise.summary)
                    for exercise in phase.exercises
                ),
            )
            for phase in outline.phases
        ),
    )


def source() -> str:
    """The module's text, formatted as the repository's formatter would."""
    outlines = {language: rows(read_outline(shipped_pack_root(language))) for language in LANGUAGES}
    text = HEADER + f"OUTLINES: Final = {outlines!r}\n"
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / TARGET.name
        draft.write_text(text, encoding="utf-8")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "ruff",
                "format",
                "--quiet",
                "--config",
                str(ROOT / "pyproject.toml"),
                str(draft),
            ],
            check=True,
        )
        return draft.read_text(encoding="utf-8")


def main(argv: list[str]) -> int:
    fresh = source()
    if argv[1:] == ["--check"]:
        if TARGET.read_text(encoding="utf-8") != fresh:
            print(f"{TARGET} is out of date: run python tools/outline.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(fresh, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
