"""``bilan metiers match``: the fiches closest to the person's Holland profile.

Her scores come from the ``interets`` likert of her workbook (the profile's
interests part); the ranking and its reasons from
:mod:`bilan_tui.referentiel.matching`. Until the exercise is scored, the
command says so and what to do, and suggests nothing.
"""

from __future__ import annotations

import json
from typing import Any

from bilan_tui.cli.context import CommandContext, UsageError
from bilan_tui.domain.scoring.likert import NEAR_TIE_MARGIN
from bilan_tui.i18n import _
from bilan_tui.referentiel.matching import MAX_INDEX
from bilan_tui.referentiel.messages import attribution
from bilan_tui.referentiel.reader import Referentiel


def interest_scores(context: CommandContext) -> tuple[dict[str, float], str, bool]:
    """Her score per letter, her code as displayed, and whether her profile is flat.

    Empty scores when the workbook or the exercise has none yet.
    """
    if not context.workbook_path().exists():
        return {}, "", False
    from bilan_tui.services.profile import profile_of

    session = context.open_session(create=False)
    try:
        part = profile_of(session).interests
    finally:
        session.close()
    if part is None or part.empty:
        return {}, "", False
    scores = {
        score.dimension.letter: float(score.score)
        for score in part.result.dimensions
        if score.dimension.letter and score.score is not None
    }
    return scores, part.result.display_code, part.result.flat


def _not_scored() -> str:
    return _(
        "Your interests are not scored yet. Answer the exercise “My interests” "
        "(interets) in your workbook, then run bilan metiers match again."
    )


def run_match(
    context: CommandContext,
    referentiel: Referentiel,
    centres: list[str],
    limit: int,
    *,
    as_json: bool,
) -> int:
    """Print the suggestions with their reasons."""
    if limit < 1:
        raise UsageError(_("--limit must be at least 1"))
    known = {code for code, _label in referentiel.centres()}
    for centre in centres:
        if centre not in known:
            raise UsageError(
                _("unknown centre d'intérêt: {code} (known: {known})").format(
                    code=centre, known=", ".join(sorted(known, key=lambda c: c.zfill(4)))
                )
            )
    scores, code, flat = interest_scores(context)
    suggestions = referentiel.match(scores, centres=centres, limit=limit) if scores else []
    if as_json:
        payload: dict[str, Any] = {
            "version": referentiel.version.number,
            "attribution": attribution(referentiel.version),
            "interests": {"scores": scores, "code": code, "flat": flat} if scores else None,
            "index": "Brown-Gore C (two letters)",
            "max_score": MAX_INDEX,
            "near_tie_margin": NEAR_TIE_MARGIN,
            "message": "" if scores else _not_scored(),
            "suggestions": [
                {
                    "code": s.fiche.code,
                    "title": s.fiche.title,
                    "riasec": {"major": s.fiche.riasec_major, "minor": s.fiche.riasec_minor},
                    "score": s.score,
                    "near_tie": s.near_tie,
                    "reason": s.reason,
                }
                for s in suggestions
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not scores:
        print(_not_scored())
        return 0
    lines = [_("Your Holland code: {code}").format(code=code)]
    if flat:
        lines.append(
            _(
                "Your scores are close to one another: read these fiches as a starting "
                "point for discussion rather than a ranking."
            )
        )
    lines.append(
        _(
            "Fiches whose official Holland code is closest to yours (index out of {max}). "
            "Leads to explore, not a verdict."
        ).format(max=MAX_INDEX)
    )
    for suggestion in suggestions:
        fiche = suggestion.fiche
        mark = "≈ " if suggestion.near_tie else "  "
        lines.append("")
        lines.append(
            f"{mark}{fiche.code}  {fiche.riasec_major}{fiche.riasec_minor:<1}  "
            f"{suggestion.score:g}/{MAX_INDEX}  {fiche.title}"
        )
        lines.append(f"      {suggestion.reason}")
    if any(s.near_tie for s in suggestions):
        lines += ["", _("≈ near-tie: ranked this high under another reading of your code.")]
    lines += ["", attribution(referentiel.version)]
    print("\n".join(lines))
    return 0
