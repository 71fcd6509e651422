"""A fiche's text, built as one :class:`Content` block: every part of the record, in order.

One ``Static`` draws it (a fiche has a few dozen items: one widget each would
slow its opening for nothing). The referential's text is data, never markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from bilan_tui.i18n import _
from bilan_tui.referentiel.messages import type_name as holland_type
from bilan_tui.referentiel.model import Fiche, SkillItem, SkillKind
from bilan_tui.ui.text import plain

CORE = "★"
"""Marks an item the fiche flags as core (``coeur_metier``)."""
EMERGING = "◆"
"""Marks an item the fiche flags as emerging in the job."""


def _heading(text: str) -> Content:
    return Content("\n\n") + Content(text).stylize("bold $text-primary") + Content("\n")


def _bullets(items: Iterable[str]) -> Content:
    lines = [Content("  • ") + plain(item) for item in items]
    return Content("\n").join(lines)


def holland_line(fiche: Fiche) -> str:
    """ "Holland code: S (social), then A (artistic)", or that it has none."""
    major, minor = fiche.ref.riasec_major, fiche.ref.riasec_minor
    if not major:
        return _("Holland code: not given")
    text = _("Holland code: {letter} ({name})").format(letter=major, name=holland_type(major))
    if minor:
        text += _(", then {letter} ({name})").format(letter=minor, name=holland_type(minor))
    return text


def flags_line(fiche: Fiche) -> str:
    """Executive job, regulated occupation, the transitions it belongs to ("" if none)."""
    parts = []
    if fiche.cadre:
        parts.append(_("executive job (cadre)"))
    if fiche.regulated:
        parts.append(_("regulated occupation"))
    parts.extend(fiche.transitions)
    return " · ".join(parts)


def _skills(items: Iterable[SkillItem]) -> list[str]:
    """Core items first, marked, then the others, each list in the fiche's order."""
    chosen = list(items)

    def line(item: SkillItem) -> str:
        marks = (CORE if item.core else "") + (EMERGING if item.emerging else "")
        return f"{marks} {item.label}" if marks else item.label

    return [line(item) for item in chosen if item.core] + [
        line(item) for item in chosen if not item.core
    ]


def fiche_content(fiche: Fiche) -> Content:
    """Every part of the fiche, ready to draw."""
    ref = fiche.ref
    parts = [Content.assemble((ref.code, "bold"), "  ") + plain(ref.title).stylize("bold")]
    parts.append(Content("\n") + plain(holland_line(fiche)))
    flags = flags_line(fiche)
    if flags:
        parts.append(Content("\n") + plain(flags))
    sections: list[tuple[str, list[str], bool]] = [
        (_("Definition"), list(fiche.definition), False),
        (_("Access to the job"), list(fiche.access), False),
    ]
    for kind, title in (
        (SkillKind.SAVOIR_FAIRE, _("Know-how (savoir-faire)")),
        (SkillKind.SAVOIR_ETRE, _("Soft skills (savoir-être)")),
        (SkillKind.SAVOIR, _("Knowledge (savoirs)")),
    ):
        sections.append((title, _skills(s for s in fiche.skills if s.kind is kind), True))
    contexts = [
        _("{group}: {label}").format(group=group, label=label) if group else label
        for group, label in fiche.contexts
    ]
    sections.append((_("Working conditions"), contexts, True))
    sections.append((_("Centres of interest"), list(fiche.centres_interet), True))
    sections.append((_("Sectors"), list(fiche.sectors), True))
    for title, lines, listed in sections:
        if not lines:
            continue
        parts.append(_heading(title))
        if listed:
            parts.append(_bullets(lines))
        else:
            parts.append(plain("\n".join(lines)))
    if fiche.appellations:
        parts.append(_heading(_("Job titles ({count})").format(count=len(fiche.appellations))))
        parts.append(plain(" · ".join(fiche.appellations)))
    legend = []
    if any(item.core for item in fiche.skills):
        legend.append(_("{mark} core of the job").format(mark=CORE))
    if any(item.emerging for item in fiche.skills):
        legend.append(_("{mark} emerging in the job").format(mark=EMERGING))
    if legend:
        parts.append(Content("\n\n") + plain("   ".join(legend)))
    return Content("").join(parts)
