"""``import_referentiel``: the official files → ``<data dir>/referentiels/rome-v<N>.sqlite``.

The database is built in a temporary file of the same folder, flushed to disk,
then renamed over its final name: an import that fails or is interrupted leaves
whatever was installed before untouched, and importing the same version again
simply replaces it. Versions sit side by side; the reader uses the newest.
Everything is checked (files, columns, encodings) before the database is
started, so bad input costs nothing and names its problem in one line.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bilan_tui.i18n import _

from .build import Builder
from .errors import ReferentielError
from .model import ImportReport, ReferentielVersion
from .schema import DDL, OPTIONAL, REQUIRED, SCHEMA_VERSION
from .sources import SourceFiles, read_source
from .tables import Table, decode, file_label, parse

Progress = Callable[[str, int, int], None]
"""``progress(file_label, done, total)``: called before each step of the import."""

REFERENTIELS_DIR = "referentiels"
DATABASE_NAME = re.compile(r"^rome-v(?P<number>\d+)\.sqlite$")
STALE_SECONDS = 3600
"""A temporary file older than this is the leftover of a killed import."""


def referentiels_dir(data_dir: Path) -> Path:
    """The folder of built referentials, shared by every workbook."""
    return data_dir / REFERENTIELS_DIR


def database_path(data_dir: Path, number: int) -> Path:
    """Where version ``number`` is installed."""
    return referentiels_dir(data_dir) / f"rome-v{number}.sqlite"


def version_number(code: int) -> int:
    """The ROME version in a file-name code: ``460`` → 60 (ROME 4, version 60)."""
    text = str(code)
    return int(text[1:]) if text.startswith("4") and len(text) >= 3 else code


def parse_version_txt(raw: bytes | None) -> dict[str, str]:
    """``number``, ``published`` (ISO) and ``title`` from ``version.txt``, when given."""
    if raw is None:
        return {}
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    found: dict[str, str] = {}
    if match := re.search(r"Num[ée]ro de version\s*:\s*(\d+)", text, re.IGNORECASE):
        found["number"] = match[1]
    if match := re.search(
        r"Date de publication\s*:\s*(\d{1,2})/(\d{1,2})/(\d{4})", text, re.IGNORECASE
    ):
        found["published"] = f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    if match := re.search(r"Titre[^:\n]*:\s*(.+)", text, re.IGNORECASE):
        found["title"] = " ".join(match[1].split())
    return found


def _tables(source: SourceFiles, skipped: list[tuple[str, str]]) -> dict[str, Table]:
    """Every required and optional file decoded and parsed, or the first problem."""
    for name in REQUIRED:
        if name not in source.files:
            raise ReferentielError(
                _("A required file is missing: {file}.").format(
                    file=file_label(name, source.version_code)
                )
            )
    tables: dict[str, Table] = {}
    for name, columns in REQUIRED.items():
        label = file_label(name, source.version_code)
        text, _note = decode(source.files[name], label, required=True)
        tables[name] = Table(label, parse(text, label, columns))
    for name, columns in OPTIONAL.items():
        label = file_label(name, source.version_code)
        if name not in source.files:
            skipped.append((label, _("absent: optional, imported without it")))
            continue
        try:
            text, note = decode(source.files[name], label, required=False)
            tables[name] = Table(label, parse(text, label, columns), note)
        except ReferentielError as error:
            skipped.append((label, _("skipped: {reason}").format(reason=error.message)))
            continue
        if note:
            skipped.append((label, note))
    return tables


def _mobility_kinds(source: SourceFiles) -> dict[int, str]:
    """Row index → mobility type, for versions whose mobility file has a type column."""
    label = file_label("rubrique_mobilite", source.version_code)
    text, _note = decode(source.files["rubrique_mobilite"], label, required=True)
    for column in ("libelle_type_mobilite", "code_type_mobilite", "type_mobilite"):
        try:
            rows = parse(text, label, (column,))
        except ReferentielError:
            continue
        return {index: row[0] for index, row in enumerate(rows)}
    return {}


def _build(
    db: sqlite3.Connection,
    tables: dict[str, Table],
    source: SourceFiles,
    meta: dict[str, str],
    report: Callable[[str], None],
) -> dict[str, int]:
    builder = Builder(db)
    db.executescript(DDL)
    report(tables["referentiel_code_rome"].label)
    builder.fiches_and_codes(
        tables["referentiel_code_rome"], tables["referentiel_code_rome_riasec"]
    )
    report(tables["referentiel_appellation"].label)
    builder.appellations(tables["referentiel_appellation"])
    report(tables["referentiel_competence"].label)
    builder.items(
        tables["referentiel_competence"],
        tables["referentiel_savoir"],
        tables.get("arborescence_competences"),
    )
    builder.contexts(tables["referentiel_contexte_travail"])
    report(tables["liens_rome_referentiels"].label)
    builder.links(tables["liens_rome_referentiels"], tables["coherence_item"])
    report(tables["texte"].label)
    builder.texts(tables["texte"])
    report(tables["rubrique_mobilite"].label)
    builder.mobility(tables["rubrique_mobilite"], _mobility_kinds(source))
    report(tables["centre_interet"].label)
    builder.centres(tables["centre_interet"], tables["arborescence_centre_interet"])
    sectors = [
        tables[name]
        for name in OPTIONAL
        if name.startswith("arborescence_secteur") and name in tables
    ]
    builder.sectors(sectors)
    builder.finish(meta, lambda: report(_("search index")))
    return builder.counts


def _remove_stale(folder: Path) -> None:
    now = time.time()
    for leftover in folder.glob(".rome-v*.tmp"):
        try:
            if now - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink()
        except OSError:
            pass


def _private_folder(folder: Path) -> None:
    """Create ``folder`` and its missing parents 0700; existing folders keep their mode."""
    from bilan_tui.store.files import make_private_dir

    make_private_dir(folder)


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def import_referentiel(
    source: Path, data_dir: Path, progress: Progress | None = None
) -> ImportReport:
    """Build the referential of ``source`` (the official zip or a folder of its CSVs).

    Raises:
        ReferentielError: bad input, in one translated line; nothing is changed.
    """
    started = time.perf_counter()
    files = read_source(Path(source))
    number = version_number(files.version_code)
    described = parse_version_txt(files.version_txt)
    if "number" in described and int(described["number"]) != number:
        raise ReferentielError(
            _("version.txt says version {text} but the files are version {files}.").format(
                text=described["number"], files=number
            )
        )
    skipped: list[tuple[str, str]] = []
    tables = _tables(files, skipped)
    steps = 8
    done = 0

    def report(label: str) -> None:
        nonlocal done
        if progress is not None:
            progress(label, done, steps)
        done += 1

    folder = referentiels_dir(Path(data_dir))
    if not Path(data_dir).exists():
        _private_folder(Path(data_dir))
    _private_folder(folder)
    _remove_stale(folder)
    final = database_path(Path(data_dir), number)
    fd, temp_name = tempfile.mkstemp(prefix=f".rome-v{number}-", suffix=".tmp", dir=folder)
    os.close(fd)
    temp = Path(temp_name)
    try:
        os.chmod(temp, 0o600)
        meta = {
            "number": str(number),
            "published": described.get("published", ""),
            "title": described.get("title", ""),
            "schema": str(SCHEMA_VERSION),
            "source": files.origin.name,
        }
        db = sqlite3.connect(temp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            with db:
                counts = _build(db, tables, files, meta, report)
        finally:
            db.close()
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, final)
        _sync_dir(folder)
    finally:
        if temp.exists():
            temp.unlink()
    if progress is not None:
        progress("", steps, steps)
    version = ReferentielVersion(number, meta["published"], meta["title"], str(final))
    return ImportReport(version, counts, tuple(skipped), time.perf_counter() - started)
