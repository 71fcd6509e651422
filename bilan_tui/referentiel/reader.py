"""Reading an installed referential: search, fiches, labels and Holland matching.

The database is opened read-only (``mode=ro&immutable=1``): it never changes
after its import, and a new import renames a new file into place without
disturbing a reader of the old one. Search runs on the FTS5 index of fiche
titles and appellations (long and short), folded like the query (see
:mod:`.text`); one hit per fiche, with its best matching label.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from bilan_tui.i18n import _

from . import matching
from .errors import ReferentielError
from .importer import DATABASE_NAME, referentiels_dir
from .model import (
    Fiche,
    FicheRef,
    ReferentielVersion,
    SearchHit,
    SkillItem,
    SkillKind,
    Suggestion,
)
from .queries import fiche_of, search_sql
from .schema import SCHEMA_VERSION

COUNT_QUERIES = {
    "fiches": "SELECT COUNT(*) FROM fiche",
    "appellations": "SELECT COUNT(*) FROM appellation",
    "savoir_faire": "SELECT COUNT(*) FROM item WHERE kind = 'savoir_faire'",
    "savoir_etre": "SELECT COUNT(*) FROM item WHERE kind = 'savoir_etre'",
    "savoir": "SELECT COUNT(*) FROM item WHERE kind = 'savoir'",
    "work_contexts": "SELECT COUNT(*) FROM context",
    "mobility_links": "SELECT COUNT(*) FROM mobility",
    "centres_interet": "SELECT COUNT(*) FROM centre",
}
"""What ``bilan metiers info`` counts, by the keys :func:`messages.count_label` names."""


def _connect(path: Path) -> sqlite3.Connection:
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _version_of(path: Path, db: sqlite3.Connection) -> ReferentielVersion:
    """The version a database holds.

    Raises:
        sqlite3.Error: not a referential, or one built with another layout
            (an older ``bilan``): it reads as absent until imported again.
    """
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("schema") != str(SCHEMA_VERSION):
        raise sqlite3.DatabaseError("referential built with another layout")
    return ReferentielVersion(
        int(meta.get("number", 0)), meta.get("published", ""), meta.get("title", ""), str(path)
    )


def installed_versions(data_dir: Path) -> list[ReferentielVersion]:
    """Every readable referential in ``data_dir``, newest first."""
    folder = referentiels_dir(Path(data_dir))
    if not folder.is_dir():
        return []
    found: list[ReferentielVersion] = []
    for path in folder.iterdir():
        if not DATABASE_NAME.match(path.name) or not path.is_file():
            continue
        try:
            db = _connect(path)
            try:
                found.append(_version_of(path, db))
            finally:
                db.close()
        except sqlite3.Error:
            continue  # not a referential we built: ignored, as a half-written file would be
    return sorted(found, key=lambda version: version.number, reverse=True)


def open_latest(data_dir: Path) -> Referentiel | None:
    """The newest installed referential, or ``None`` when none is installed."""
    for version in installed_versions(data_dir):
        try:
            return Referentiel(Path(version.path))
        except ReferentielError:
            continue
    return None


class Referentiel:
    """One installed version, open for reading until :meth:`close`."""

    def __init__(self, path: Path) -> None:
        """Open ``path`` read-only.

        Raises:
            ReferentielError: the file is not a referential built by this program.
        """
        try:
            self._db = _connect(path)
            self.version = _version_of(path, self._db)
        except sqlite3.Error:
            raise ReferentielError(
                _("{path} is not a readable referential: import it again.").format(path=path)
            ) from None
        self._fiches: list[FicheRef] | None = None

    def close(self) -> None:
        """Release the file."""
        self._db.close()

    def __enter__(self) -> Referentiel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def search(
        self,
        text: str,
        *,
        letters: str = "",
        centre: str | None = None,
        cadre: bool | None = None,
        regulated: bool | None = None,
        limit: int = 50,
    ) -> list[SearchHit]:
        """Fiches whose title or appellations match ``text``, best first.

        Every word must match, the last one as a prefix (search as you type);
        case, accents, hyphens and apostrophes do not matter. An empty ``text``
        lists the fiches the filters keep, by title. ``letters`` keeps fiches
        whose major or minor Holland type is among them.
        """
        sql, params = search_sql(
            text, letters=letters, centre=centre, cadre=cadre, regulated=regulated, limit=limit
        )
        hits: list[SearchHit] = []
        if not sql or limit < 1:
            return hits
        seen: set[str] = set()
        for code, title, major, minor, matched, is_appellation in self._db.execute(sql, params):
            if code in seen:  # a one-letter search streams labels: a fiche's first one wins
                continue
            seen.add(code)
            hits.append(
                SearchHit(FicheRef(code, title, major, minor), matched, bool(is_appellation))
            )
            if len(hits) >= limit:
                break
        return hits

    def fiche(self, code: str) -> Fiche | None:
        """Every part of one fiche, or ``None`` for an unknown code."""
        return fiche_of(self._db, code.strip().upper())

    def centres(self) -> list[tuple[str, str]]:
        """The official centres d'intérêt: (code, label), in their official order."""
        rows = self._db.execute("SELECT code, label FROM centre").fetchall()
        return sorted(
            ((str(code), str(label)) for code, label in rows),
            key=lambda row: (int(row[0]) if row[0].isdigit() else 0, row[0]),
        )

    def titles(self, codes: Iterable[str]) -> dict[str, str]:
        """Titles of the given fiche codes (unknown codes are left out)."""
        wanted = sorted({code.strip().upper() for code in codes})
        return self._lookup("SELECT code, title FROM fiche WHERE code IN ({})", wanted)

    def item_labels(self, codes: Iterable[str]) -> dict[str, str]:
        """Official labels of savoir-faire, savoir-être and savoirs by ``code_ogr``."""
        wanted = sorted({code.strip() for code in codes})
        return self._lookup("SELECT code, label FROM item WHERE code IN ({})", wanted)

    def items(self, codes: Iterable[str]) -> dict[str, SkillItem]:
        """Items by ``code_ogr`` with their family (core is per fiche: see :meth:`fiche`)."""
        wanted = sorted({code.strip() for code in codes})
        found: dict[str, SkillItem] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for code, label, kind, group in self._db.execute(
                f"SELECT code, label, kind, grp FROM item WHERE code IN ({marks})", chunk
            ):
                found[code] = SkillItem(code, label, SkillKind(kind), False, group)
        return found

    def _lookup(self, sql: str, keys: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            query = sql.format(",".join("?" * len(chunk)))
            found.update((str(key), str(value)) for key, value in self._db.execute(query, chunk))
        return found

    def counts(self) -> dict[str, int]:
        """How much the referential holds: fiches, appellations, items by family..."""
        found: dict[str, int] = {}
        for key, sql in COUNT_QUERIES.items():
            (found[key],) = self._db.execute(sql).fetchone()
        return found

    def all_fiches(self) -> list[FicheRef]:
        """Every fiche with its Holland code (read once, then kept)."""
        if self._fiches is None:
            self._fiches = [
                FicheRef(*row)
                for row in self._db.execute(
                    "SELECT code, title, major, minor FROM fiche ORDER BY title_key"
                )
            ]
        return self._fiches

    def match(
        self, scores: Mapping[str, float], *, centres: Sequence[str] = (), limit: int = 20
    ) -> list[Suggestion]:
        """Fiches closest to her Holland scores, with reasons (see :mod:`.matching`).

        Args:
            scores: Her score per letter, 0–100.
            centres: Codes of the centres d'intérêt she chose: their fiches come
                first among equally close ones.
            limit: How many suggestions.
        """
        favoured: set[str] = set()
        if centres:
            marks = ",".join("?" * len(centres))
            favoured = {
                code
                for (code,) in self._db.execute(
                    f"SELECT fiche FROM fiche_centre WHERE centre IN ({marks})", list(centres)
                )
            }
        return matching.rank(scores, self.all_fiches(), favoured=favoured, limit=limit)
