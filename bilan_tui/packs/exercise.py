"""Turning one parsed exercise file into an ``Exercise``."""

from __future__ import annotations

from dataclasses import dataclass

from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _

from .fields import read_fields
from .guidance import check_guidance
from .kinds import ALL_KIND_KEYS, KIND_KEYS, read_kind
from .reader import TableReader
from .source import Document, FileReport


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an exercise sits: its file, its phase (from pack.toml), its pack."""

    stem: str
    phase: str
    pack_id: str
    path: str


def read_exercise(
    document: Document, report: FileReport, place: Placement, *, check: bool = True
) -> Exercise | None:
    """Read and check one exercise; ``None`` when its kind is unknown or missing.

    ``check=False`` leaves out the guidance's size check (``check_guidance``,
    which parses its Markdown): for the shipped pack, checked by the tests.

    Problems go to ``report``; the exercise is still returned when its kind is
    known, so that other exercises' references to it can be checked.
    """
    table = TableReader(document.data, (), report)
    ident = table.ident()
    if ident and ident != place.stem:
        table.problem(
            _("exercise id {id} does not match the file name {file}").format(
                id=repr(ident), file=repr(place.stem + ".md")
            ),
            "id",
        )
    title = table.text("title", required=True)
    summary = table.text("summary")
    minutes = table.integer("minutes", low=0)
    raw_kind = table.word("kind", required=True)
    if not raw_kind:
        return None
    try:
        kind = Kind(raw_kind)
    except ValueError:
        expected = ", ".join(member.value for member in Kind)
        table.problem(
            _("unknown kind {kind} (expected one of {expected})").format(
                kind=repr(raw_kind), expected=expected
            ),
            "kind",
        )
        return None
    fields = read_fields(table, required=kind in (Kind.FORM, Kind.RECORDS))
    parts = read_kind(kind, table)
    table.finish(_("a {kind} exercise").format(kind=kind.value), ALL_KIND_KEYS - KIND_KEYS[kind])
    guidance = clean_text(document.body).strip()
    if check:
        check_guidance(guidance, report, document.body_line)
    return Exercise(
        id=ident or place.stem,
        title=title,
        kind=kind,
        phase=place.phase,
        guidance=guidance,
        summary=summary,
        minutes=minutes or 0,
        fields=fields,
        entry_label=parts.entry_label,
        summary_fields=parts.summary_fields,
        sort_by=parts.sort_by,
        scale=parts.scale,
        dimensions=parts.dimensions,
        items=parts.items,
        top=parts.top,
        piles=parts.piles,
        cards=parts.cards,
        groups=parts.groups,
        criteria=parts.criteria,
        source=parts.source,
        pack_id=place.pack_id,
        path=place.path,
    )
