"""Filling a new referential database from the parsed official tables.

Each ``_load_*`` reads one or a few tables (tuples in the column order of
:mod:`.schema`) and writes plain rows. Links to codes the files do not define
(an item missing from its referential, a mobility towards an unknown fiche) are
dropped rather than shown as bare numbers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .model import SkillKind
from .tables import Table
from .text import clean_official, fold_for_index, sort_key

RUBRIQUE_KIND = {"1": SkillKind.SAVOIR_FAIRE, "2": SkillKind.SAVOIR_ETRE, "3": SkillKind.SAVOIR}
"""``code_rubrique`` of the competence block (``code_compo_bloc`` 5) → family."""

BLOCK_SKILLS = "5"
BLOCK_CONTEXTS = "6"
CORE = "principale"
EMERGING = "émergente"
NEUTRAL_ECO = "emploi blanc"
"""``transition_eco`` of a job the ecological transition does not change: no flag."""

MOBILITY_NEXT = {"2", "evolution", "évolution"}
"""A mobility type naming an evolution, when a version of the file has a type column."""


def _yes(value: str) -> int:
    return 1 if value.strip().upper() in {"O", "OUI", "Y", "1"} else 0


@dataclass
class Builder:
    """Writes the tables into ``db``; ``counts`` says what was stored."""

    db: sqlite3.Connection
    counts: dict[str, int] = field(default_factory=dict)
    fiches: set[str] = field(default_factory=set)

    def _insert(self, sql: str, rows: Sequence[tuple[object, ...]], count: str = "") -> None:
        self.db.executemany(sql, rows)
        if count:
            self.counts[count] = self.counts.get(count, 0) + len(rows)

    def fiches_and_codes(self, fiches: Table, riasec: Table) -> None:
        """``referentiel_code_rome`` and its Holland codes."""
        codes = {row[0]: (row[1].upper()[:1], row[2].upper()[:1]) for row in riasec.rows}
        rows: list[tuple[object, ...]] = []
        for code, title, eco, num, demo, regulated, cadre in fiches.rows:
            if not code or code in self.fiches:
                continue
            self.fiches.add(code)
            major, minor = codes.get(code, ("", ""))
            eco_flag = "" if eco.casefold() in {"", NEUTRAL_ECO} else eco
            rows.append(
                (
                    code,
                    title,
                    sort_key(title),
                    major,
                    minor,
                    _yes(cadre),
                    _yes(regulated),
                    eco_flag,
                    _yes(num),
                    _yes(demo),
                )
            )
        self._insert("INSERT INTO fiche VALUES (?,?,?,?,?,?,?,?,?,?)", rows, "fiches")
        self.counts["holland_codes"] = sum(1 for code in self.fiches if codes.get(code, ("",))[0])

    def appellations(self, table: Table) -> None:
        """Job titles, and the search labels: fiche titles and long and short titles."""
        rows = [
            (code, fiche, long, short or long)
            for code, long, short, fiche in table.rows
            if fiche in self.fiches and long
        ]
        self._insert("INSERT OR IGNORE INTO appellation VALUES (?,?,?,?)", rows, "appellations")
        labels: list[tuple[str, str, int]] = [
            (code, title, 0) for code, title in self.db.execute("SELECT code, title FROM fiche")
        ]
        for _code, fiche, long, short in rows:
            labels.append((fiche, long, 1))
            if fold_for_index(short).casefold() != fold_for_index(long).casefold():
                labels.append((fiche, short, 1))
        self.db.executemany(
            "INSERT INTO label (fiche, text, is_appellation) VALUES (?,?,?)", labels
        )
        folded = [
            (rowid, fold_for_index(text))
            for rowid, text in self.db.execute("SELECT id, text FROM label").fetchall()
        ]
        self.db.executemany("INSERT INTO label_fts (rowid, text) VALUES (?,?)", folded)
        self.db.executemany(
            "UPDATE label SET key = ? WHERE id = ?",
            [(sort_key(text), rowid) for rowid, text in folded],
        )
        self.counts["search_labels"] = len(labels)

    def items(self, competences: Table, savoirs: Table, tree: Table | None) -> None:
        """Savoir-faire, savoir-être and savoirs by code, with their heading."""
        headings: dict[str, str] = {}
        if tree is not None:
            for competence, macro, enjeu in tree.rows:
                for code in (competence, macro):
                    if code and enjeu:
                        headings.setdefault(code, enjeu)
        rows: list[tuple[object, ...]] = []
        for code, label, category, sub in competences.rows:
            kind = (
                SkillKind.SAVOIR_ETRE if "être" in category.casefold() else (SkillKind.SAVOIR_FAIRE)
            )
            rows.append((code, label, kind.value, headings.get(code, sub)))
        for code, label, category in savoirs.rows:
            rows.append((code, label, SkillKind.SAVOIR.value, category))
        self._insert("INSERT OR IGNORE INTO item VALUES (?,?,?,?)", rows)
        for kind in SkillKind:
            (count,) = self.db.execute(
                "SELECT COUNT(*) FROM item WHERE kind = ?", (kind.value,)
            ).fetchone()
            self.counts[kind.value] = int(count)

    def contexts(self, table: Table) -> None:
        """The work-context referential (hours, travel, public, structure...)."""
        self._insert("INSERT OR IGNORE INTO context VALUES (?,?,?)", list(table.rows))

    def links(self, links: Table, coherence: Table) -> None:
        """Fiche → items (block 5, by rubrique) with the core flag, and fiche → contexts."""
        flags = {(fiche, code): flag.casefold() for fiche, code, flag in coherence.rows}
        items = {code: kind for code, kind in self.db.execute("SELECT code, kind FROM item")}
        contexts = {code for (code,) in self.db.execute("SELECT code FROM context")}
        skills: list[tuple[object, ...]] = []
        fiche_contexts: list[tuple[object, ...]] = []
        for position, (fiche, block, rubrique, code) in enumerate(links.rows):
            if fiche not in self.fiches:
                continue
            if block == BLOCK_SKILLS and code in items:
                kind = RUBRIQUE_KIND.get(rubrique)
                flag = flags.get((fiche, code), "")
                skills.append(
                    (
                        fiche,
                        code,
                        (kind.value if kind else items[code]),
                        int(flag == CORE),
                        int(flag == EMERGING),
                        position,
                    )
                )
            elif block == BLOCK_CONTEXTS and code in contexts:
                fiche_contexts.append((fiche, code, position))
        self._insert("INSERT INTO fiche_item VALUES (?,?,?,?,?,?)", skills, "skill_links")
        self._insert("INSERT INTO fiche_context VALUES (?,?,?)", fiche_contexts, "context_links")

    def texts(self, table: Table) -> None:
        """Definition and access sentences, apostrophes undoubled."""
        rows = [
            (fiche, kind, int(position) if position.isdigit() else 0, clean_official(text))
            for fiche, kind, position, text in table.rows
            if fiche in self.fiches and text
        ]
        self._insert("INSERT INTO texte VALUES (?,?,?,?)", rows, "texts")

    def mobility(self, table: Table, kinds: Mapping[int, str]) -> None:
        """Mobility links in their official order (``kinds``: row index → type, if known)."""
        rows: list[tuple[object, ...]] = []
        for index, (fiche, target, order) in enumerate(table.rows):
            if fiche in self.fiches and target in self.fiches and fiche != target:
                kind = "next" if kinds.get(index, "").casefold() in MOBILITY_NEXT else "close"
                rows.append((fiche, target, kind, int(order) if order.isdigit() else 0))
        self._insert("INSERT INTO mobility VALUES (?,?,?,?)", rows, "mobility_links")

    def centres(self, centres: Table, tree: Table) -> None:
        """The official centres d'intérêt and their fiches."""
        self._insert(
            "INSERT OR IGNORE INTO centre VALUES (?,?,?)",
            [(code, label, "") for code, label in centres.rows if code],
            "centres_interet",
        )
        rows: list[tuple[object, ...]] = [
            (centre, fiche, int(principal.casefold() == "oui"))
            for centre, fiche, principal in tree.rows
            if fiche in self.fiches
        ]
        self._insert("INSERT INTO fiche_centre VALUES (?,?,?)", rows)

    def sectors(self, tables: list[Table]) -> None:
        """Sectors of activity a fiche belongs to, from the optional sector trees."""
        seen: set[tuple[str, str]] = set()
        for table in tables:
            for fiche, label in table.rows:
                if fiche in self.fiches and label and (fiche, label) not in seen:
                    seen.add((fiche, label))
        self._insert("INSERT INTO sector VALUES (?,?)", sorted(seen), "sectors")

    def finish(self, meta: Mapping[str, str], on_step: Callable[[], None]) -> None:
        """Metadata, then the search index merged into one segment."""
        self.db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        on_step()
        self.db.execute("INSERT INTO label_fts (label_fts) VALUES ('optimize')")
        self.db.execute("ANALYZE")
