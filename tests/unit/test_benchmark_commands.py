"""The command line benchmark's report: one row per goal, "met" from the medians given.

The benchmark itself is run by hand (``python -m benchmarks``): timings are
never asserted here, only how the rows are read from figures.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.commands import END, START, Commands, block, figures, write_block


def _result(**missing: str) -> Commands:
    return Commands(
        version=0.1,
        reads={
            "status": 0.15,
            "status --json": 0.25,
            "hours": 0.2,
            "homework list": 0.19,
            "metiers search": 0.12,
        },
        exports={
            "synthese/md": 0.2,
            "detail/md": 0.36,
            "synthese/html": 0.3,
            "detail/html": 0.31,
            "synthese/json": 0.2,
            "detail/json": 0.2,
            "synthese/docx": 0.3,
            "detail/docx": 0.3,
            "synthese/pdf": 0.5,
            "detail/pdf": 0.59,
        },
        missing=missing,
    )


def test_each_goal_is_read_against_its_reference() -> None:
    rows = {row.name: row for row in figures(_result(**{"metiers search": "no zip"}))}
    status = rows["`bilan status` of the demo, wall"]
    assert (status.ratio, status.met) == ("1.50 ×", True)
    assert rows["`bilan status --json` of the demo, wall"].met is False  # 2.5 ×
    assert rows["`bilan hours` of the demo, wall"].met is True  # exactly 2 ×
    assert rows["`bilan metiers search`, wall"].ours == "no zip"
    assert rows["`bilan metiers search`, wall"].met is False
    md = rows["`bilan export --format md` of the demo, shell to file, slowest scope"]
    assert md.ours.startswith("0.36 s") and md.met is False  # the slowest scope counts
    pdf = rows["`bilan export --format pdf` of the demo, shell to file, slowest scope"]
    assert pdf.goal == "≤ 0.6 s" and pdf.met is True


def test_the_block_replaces_its_own_part_of_the_document(tmp_path: Path) -> None:
    document = tmp_path / "performance.md"
    document.write_text(f"# Title\n\nbefore\n\n{START}\nold\n{END}\n\nafter\n", encoding="utf-8")
    write_block(document, block(figures(_result()), "python -m benchmarks"))
    text = document.read_text(encoding="utf-8")
    assert "old" not in text and text.count(START) == 1
    assert text.startswith("# Title\n\nbefore\n") and text.endswith("\nafter\n")
    assert "| `bilan status` of the demo, wall |" in text
