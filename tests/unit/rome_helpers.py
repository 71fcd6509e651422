"""Building ROME sources for the tests from the hand-written fixtures.

``tests/fixtures/rome`` holds a dozen made-up fiches in the official format;
each test copies it to a temporary folder, changes what it needs (rename to
another version, drop a file or a column, re-encode), and zips it if asked.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

ROME_FIXTURES = Path(__file__).parent.parent / "fixtures" / "rome"
REPO = Path(__file__).resolve().parents[2]
OFFICIAL_NAME = Path("shared") / "data" / "rome" / "RefRomeCsv-v460.zip"


def official_zip() -> Path | None:
    """The shared official copy, if this machine has it.

    ``$BILAN_ROME_ZIP`` if set (only that path), else ``../shared/data/rome/`` beside the
    repository (``/work/main`` → ``/work/shared``), also looked for one level
    higher so that a worktree (``/work/wt/name``) finds it too.
    """
    named = os.environ.get("BILAN_ROME_ZIP")
    if named is not None:  # then only that one (an empty value skips the tests)
        candidates = [Path(named)] if named else []
    else:
        candidates = [REPO.parent / OFFICIAL_NAME, REPO.parent.parent / OFFICIAL_NAME]
    return next((path for path in candidates if path.is_file()), None)


def fixture_folder(tmp: Path, *, version: int = 499, name: str = "rome") -> Path:
    """A copy of the fixtures as version ``version`` (file names and version.txt)."""
    folder = tmp / name
    folder.mkdir(parents=True)
    for source in ROME_FIXTURES.iterdir():
        target = source.name.replace("_v499_", f"_v{version}_")
        shutil.copyfile(source, folder / target)
    text = (folder / "version.txt").read_text(encoding="utf-8")
    number = str(version)[1:]
    text = text.replace("Numero de version : 99", f"Numero de version : {number}")
    text = text.replace("version 99 - jeu", f"version {number} - jeu")
    (folder / "version.txt").write_text(text, encoding="utf-8")
    return folder


def zip_folder(folder: Path, target: Path, *, prefix: str = "") -> Path:
    """``folder``'s files in a zip, under ``prefix`` if given (as unpacked copies nest)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
    return target


def csv_name(name: str, version: int = 499) -> str:
    """The official file name of a short name."""
    return f"unix_{name}_v{version}_utf8.csv"
