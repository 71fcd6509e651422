"""Building ROME sources for the tests from the hand-written fixtures.

``tests/fixtures/rome`` holds a dozen made-up fiches in the official format;
each test copies it to a temporary folder, changes what it needs (rename to
another version, drop a file or a column, re-encode), and zips it if asked.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

ROME_FIXTURES = Path(__file__).parent.parent / "fixtures" / "rome"
OFFICIAL_ZIP = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "rome" / "RefRomeCsv-v460.zip"
)
"""The shared official copy, beside the repository (``../shared/data/rome/``)."""


def fixture_folder(tmp: Path, *, version: int = 460, name: str = "rome") -> Path:
    """A copy of the fixtures as version ``version`` (file names and version.txt)."""
    folder = tmp / name
    folder.mkdir(parents=True)
    for source in ROME_FIXTURES.iterdir():
        target = source.name.replace("_v460_", f"_v{version}_")
        shutil.copyfile(source, folder / target)
    text = (folder / "version.txt").read_text(encoding="utf-8")
    number = str(version)[1:]
    text = text.replace("Numero de version : 60", f"Numero de version : {number}")
    text = text.replace("version 60 - 25M09", f"version {number} - 25M09")
    (folder / "version.txt").write_text(text, encoding="utf-8")
    return folder


def zip_folder(folder: Path, target: Path, *, prefix: str = "") -> Path:
    """``folder``'s files in a zip, under ``prefix`` if given (as unpacked copies nest)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
    return target


def csv_name(name: str, version: int = 460) -> str:
    """The official file name of a short name."""
    return f"unix_{name}_v{version}_utf8.csv"
