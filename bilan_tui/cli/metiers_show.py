"""``bilan metiers show CODE``: every part of one fiche, as text or JSON.

The text follows the official fiche: title and Holland code, definition,
access, job titles, core then other savoir-faire, savoir-être, savoirs, work
contexts, close and next fiches, flags, and the attribution the licence asks for.
"""

from __future__ import annotations

import json
from typing import Any

from bilan_tui.cli.context import UsageError
from bilan_tui.i18n import _
from bilan_tui.referentiel.messages import attribution, type_name
from bilan_tui.referentiel.model import Fiche, FicheRef, SkillItem, SkillKind
from bilan_tui.referentiel.reader import Referentiel


def holland_text(ref: FicheRef) -> str:
    """ "S-I (social, investigative)", or the major alone."""
    letters = [letter for letter in (ref.riasec_major, ref.riasec_minor) if letter]
    if not letters:
        return _("not given")
    names = ", ".join(type_name(letter) for letter in letters)
    return f"{'-'.join(letters)} ({names})"


def _ref_line(ref: FicheRef) -> str:
    return f"  {ref.code}  {ref.title}"


def _skills(title: str, items: list[SkillItem]) -> list[str]:
    if not items:
        return []
    lines = ["", title]
    for item in items:
        extra = f"  [{item.group}]" if item.group else ""
        if item.emerging:
            extra += "  " + _("(emerging)")
        lines.append(f"  - {item.label}{extra}")
    return lines


def _flag(value: bool) -> str:
    return _("yes") if value else _("no")


def render_fiche(fiche: Fiche, referentiel: Referentiel) -> str:
    """The whole fiche as plain text."""
    ref = fiche.ref
    lines = [f"{ref.code}  {ref.title}", _("Holland code: {code}").format(code=holland_text(ref))]
    if fiche.definition:
        lines += ["", _("Definition")] + [f"  {text}" for text in fiche.definition]
    if fiche.access:
        lines += ["", _("Access to the job")] + [f"  {text}" for text in fiche.access]
    if fiche.appellations:
        lines += ["", _("Job titles")] + [f"  - {label}" for label in fiche.appellations]
    by_kind = {kind: [item for item in fiche.skills if item.kind is kind] for kind in SkillKind}
    savoir_faire = by_kind[SkillKind.SAVOIR_FAIRE]
    lines += _skills(_("Core savoir-faire"), [i for i in savoir_faire if i.core])
    lines += _skills(_("Other savoir-faire"), [i for i in savoir_faire if not i.core])
    lines += _skills(_("Savoir-être"), by_kind[SkillKind.SAVOIR_ETRE])
    savoirs = by_kind[SkillKind.SAVOIR]
    lines += _skills(_("Core savoirs (knowledge)"), [i for i in savoirs if i.core])
    lines += _skills(_("Other savoirs (knowledge)"), [i for i in savoirs if not i.core])
    if fiche.contexts:
        lines += ["", _("Work contexts")]
        lines += [f"  - {kind}: {label}" for kind, label in fiche.contexts]
    if fiche.close:
        lines += ["", _("Close fiches (mobility)")] + [_ref_line(r) for r in fiche.close]
    if fiche.next:
        lines += ["", _("Next fiches (evolution)")] + [_ref_line(r) for r in fiche.next]
    if fiche.centres_interet:
        lines += ["", _("Centres d'intérêt")] + [f"  - {c}" for c in fiche.centres_interet]
    if fiche.sectors:
        lines += ["", _("Sectors")] + [f"  - {s}" for s in fiche.sectors]
    lines += [
        "",
        _("Managerial job (cadre): {value}").format(value=_flag(fiche.cadre)),
        _("Regulated occupation: {value}").format(value=_flag(fiche.regulated)),
        _("Transitions: {value}").format(
            value=", ".join(fiche.transitions) if fiche.transitions else _("none flagged")
        ),
        "",
        attribution(referentiel.version),
    ]
    return "\n".join(lines)


def _ref_json(ref: FicheRef) -> dict[str, Any]:
    return {
        "code": ref.code,
        "title": ref.title,
        "riasec": {"major": ref.riasec_major, "minor": ref.riasec_minor},
    }


def fiche_json(fiche: Fiche, referentiel: Referentiel) -> dict[str, Any]:
    """The whole fiche for ``--json``."""
    return {
        **_ref_json(fiche.ref),
        "definition": list(fiche.definition),
        "access": list(fiche.access),
        "appellations": list(fiche.appellations),
        "skills": [
            {
                "code": item.code,
                "label": item.label,
                "kind": item.kind.value,
                "core": item.core,
                "emerging": item.emerging,
                "group": item.group,
            }
            for item in fiche.skills
        ],
        "contexts": [{"type": kind, "label": label} for kind, label in fiche.contexts],
        "close": [_ref_json(ref) for ref in fiche.close],
        "next": [_ref_json(ref) for ref in fiche.next],
        "centres_interet": list(fiche.centres_interet),
        "sectors": list(fiche.sectors),
        "cadre": fiche.cadre,
        "regulated": fiche.regulated,
        "transitions": list(fiche.transitions),
        "version": referentiel.version.number,
        "attribution": attribution(referentiel.version),
    }


def run_show(referentiel: Referentiel, code: str, *, as_json: bool) -> int:
    """Print one fiche; an unknown code is bad input (exit status 2)."""
    fiche = referentiel.fiche(code)
    if fiche is None:
        raise UsageError(
            _("no fiche {code} in ROME version {number} (try: bilan metiers search WORDS)").format(
                code=code.strip().upper(), number=referentiel.version.number
            )
        )
    if as_json:
        print(json.dumps(fiche_json(fiche, referentiel), ensure_ascii=False, indent=2))
    else:
        print(render_fiche(fiche, referentiel))
    return 0
