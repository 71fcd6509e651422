"""The SQL behind the reader: search with its filters, and one fiche in full.

Ranking: each fiche by its best label, scored by FTS5's ``bm25`` (shorter
labels matching every word rank first), a label that *starts* with what was
typed before one that only contains it, then the title in alphabetical order.
One row per fiche, showing its own title unless an appellation matches clearly
better.
"""

from __future__ import annotations

import sqlite3

from bilan_tui.i18n import _

from .model import Fiche, FicheRef, SkillItem, SkillKind
from .text import match_expression, query_words, sort_key

STARTS_WITH_BONUS = 5.0
"""Subtracted from bm25 (lower is better) when a label begins with the typed words."""

TITLE_PREFERENCE = 0.5
"""How much worse (in bm25) an appellation must do before it is shown instead of the title.

It only chooses the label shown for a fiche; fiches are ranked by their best label."""


def _filters(
    letters: str, centre: str | None, cadre: bool | None, regulated: bool | None
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    wanted = sorted({letter for letter in letters.upper() if letter in "RIASEC"})
    if wanted:
        marks = ",".join("?" * len(wanted))
        where.append(f"(f.major IN ({marks}) OR f.minor IN ({marks}))")
        params.extend(wanted + wanted)
    if centre is not None:
        where.append("f.code IN (SELECT fiche FROM fiche_centre WHERE centre = ?)")
        params.append(centre)
    if cadre is not None:
        where.append("f.cadre = ?")
        params.append(int(cadre))
    if regulated is not None:
        where.append("f.regulated = ?")
        params.append(int(regulated))
    return where, params


def search_sql(
    text: str,
    *,
    letters: str = "",
    centre: str | None = None,
    cadre: bool | None = None,
    regulated: bool | None = None,
    limit: int = 50,
) -> tuple[str, list[object]]:
    """The query for :meth:`Referentiel.search`, or ``("", [])`` when nothing can match.

    Rows: code, title, major, minor, matched label, is_appellation.
    """
    where, params = _filters(letters, centre, cadre, regulated)
    expression = match_expression(text)
    limit = max(0, int(limit))
    if not expression:
        if not text.strip() or any(ch.isalnum() for ch in text):
            clause = ("WHERE " + " AND ".join(where)) if where else ""
            sql = (
                "SELECT f.code, f.title, f.major, f.minor, f.title, 0 FROM fiche f "
                f"{clause} ORDER BY f.title_key LIMIT ?"
            )
            return sql, [*params, limit]
        return "", []
    prefix = sort_key(" ".join(query_words(text))).replace("%", "").replace("_", "") + "%"
    clause = (" AND " + " AND ".join(where)) if where else ""
    if len(prefix) <= 2:
        return _initial_sql(prefix, clause, params, limit)
    sql = f"""
        WITH hit AS MATERIALIZED (
            SELECT rowid AS id, bm25(label_fts) AS rank FROM label_fts WHERE label_fts MATCH ?
        ),
        scored AS (
            SELECT l.fiche AS fiche, l.text AS text, l.is_appellation AS is_appellation,
                   hit.rank - CASE WHEN l.key LIKE ? THEN {STARTS_WITH_BONUS} ELSE 0 END
                       AS score
            FROM hit JOIN label l ON l.id = hit.id
        ),
        best AS (
            SELECT fiche, text, is_appellation,
                   MIN(score) OVER (PARTITION BY fiche) AS score,
                   ROW_NUMBER() OVER (
                       PARTITION BY fiche
                       ORDER BY score + is_appellation * {TITLE_PREFERENCE}, length(text)
                   ) AS choice
            FROM scored
        )
        SELECT f.code, f.title, f.major, f.minor, best.text, best.is_appellation
        FROM best JOIN fiche f ON f.code = best.fiche
        WHERE best.choice = 1 {clause}
        ORDER BY best.score, f.title_key
        LIMIT ?
    """
    return sql, [expression, prefix, *params, limit]


def _initial_sql(
    prefix: str, clause: str, params: list[object], limit: int
) -> tuple[str, list[object]]:
    """One typed letter: labels starting with it, in label order (ranking them is wasted).

    The rows come in the order of the label index and may repeat a fiche: the
    reader keeps each fiche's first row and stops at ``limit`` fiches, so only
    the first screenful of the index is read.
    """
    sql = f"""
        SELECT f.code, f.title, f.major, f.minor, l.text, l.is_appellation
        FROM label l JOIN fiche f ON f.code = l.fiche
        WHERE l.key >= ? AND l.key < ? {clause}
        ORDER BY l.key
    """
    start = prefix[:-1]
    return sql, [start, start + "\U0010ffff", *params]


def _transitions(eco: str, num: int, demo: int) -> tuple[str, ...]:
    found: list[str] = []
    if eco:
        found.append(eco)
    if num:
        found.append(_("Digital transition"))
    if demo:
        found.append(_("Demographic transition"))
    return tuple(found)


def _refs(db: sqlite3.Connection, code: str, kind: str) -> tuple[FicheRef, ...]:
    rows = db.execute(
        "SELECT f.code, f.title, f.major, f.minor FROM mobility m "
        "JOIN fiche f ON f.code = m.target WHERE m.fiche = ? AND m.kind = ? "
        "ORDER BY m.position, f.title_key",
        (code, kind),
    )
    return tuple(FicheRef(*row) for row in rows)


def fiche_of(db: sqlite3.Connection, code: str) -> Fiche | None:
    """Every part of the fiche ``code``, or ``None``."""
    head = db.execute(
        "SELECT code, title, major, minor, cadre, regulated, eco, num, demo "
        "FROM fiche WHERE code = ?",
        (code,),
    ).fetchone()
    if head is None:
        return None
    texts = db.execute(
        "SELECT kind, text FROM texte WHERE fiche = ? ORDER BY position", (code,)
    ).fetchall()
    appellations = db.execute("SELECT long FROM appellation WHERE fiche = ?", (code,)).fetchall()
    skills = tuple(
        SkillItem(item, label, SkillKind(kind), bool(core), group, bool(emerging))
        for item, label, kind, core, group, emerging in db.execute(
            "SELECT i.code, i.label, fi.kind, fi.core, i.grp, fi.emerging FROM fiche_item fi "
            "JOIN item i ON i.code = fi.item WHERE fi.fiche = ? "
            "ORDER BY fi.core DESC, fi.position",
            (code,),
        )
    )
    contexts = tuple(
        (str(kind), str(label))
        for kind, label in db.execute(
            "SELECT c.type_label, c.label FROM fiche_context fc "
            "JOIN context c ON c.code = fc.context WHERE fc.fiche = ? "
            "ORDER BY c.type_label, fc.position",
            (code,),
        )
    )
    centres = tuple(
        str(label)
        for (label,) in db.execute(
            "SELECT c.label FROM fiche_centre fc JOIN centre c ON c.code = fc.centre "
            "WHERE fc.fiche = ? ORDER BY fc.principal DESC, CAST(c.code AS INTEGER)",
            (code,),
        )
    )
    sectors = tuple(
        str(label)
        for (label,) in db.execute(
            "SELECT label FROM sector WHERE fiche = ? ORDER BY label", (code,)
        )
    )
    return Fiche(
        ref=FicheRef(head[0], head[1], head[2], head[3]),
        definition=tuple(text for kind, text in texts if kind == "definition"),
        access=tuple(text for kind, text in texts if kind != "definition"),
        appellations=tuple(sorted((str(row[0]) for row in appellations), key=sort_key)),
        skills=skills,
        contexts=contexts,
        close=_refs(db, code, "close"),
        next=_refs(db, code, "next"),
        cadre=bool(head[4]),
        regulated=bool(head[5]),
        transitions=_transitions(head[6], head[7], head[8]),
        centres_interet=centres,
        sectors=sectors,
    )
