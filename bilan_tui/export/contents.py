"""What a copy holds: the parts of the bilan, and the default choice for each recipient.

The person's own copy holds everything. A copy for someone else starts from
what that reader needs (an employer reads the project, the competencies and
the next steps) and leaves out, unless the person adds them, her personal
constraints and other people's words: the feedback of people around her
and what the professionals she interviewed told her. Parts group exercises
by their ids in the shipped pack; an exercise no part names (a consultant's
own pack) belongs to ``extra``.

A part left out is removed from the snapshot before anything is computed
(``export.privacy.shareable``), exactly like a private answer: the feedback
of a left-out ``feedback`` part cannot reappear as "confirmed by Claire"
under a strength.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bilan_tui.i18n import _


@dataclass(frozen=True, slots=True)
class Part:
    """A part of the bilan a copy may hold.

    Attributes:
        id: Stable id (``--content`` takes these).
        exercises: Ids of the shipped pack's exercises whose answers belong to it.
    """

    id: str
    exercises: tuple[str, ...]


PARTS: tuple[Part, ...] = (
    Part("request", ("demande", "bilan-questions")),
    Part("situation", ("situation", "parcours", "ligne-de-vie")),
    Part("arrangements", ("modalites",)),
    Part("competencies", ("realisations", "competences", "aptitudes")),
    Part("feedback", ("entourage",)),
    Part("interests", ("interets", "valeurs", "motivations", "environnement")),
    Part("project", ("projet", "pistes", "comparaison")),
    Part("interviews", ("enquetes",)),
    Part("training", ("conditions",)),
    Part("constraints", ("contraintes",)),
    Part("steps", ("plan-action", "suivi", "entretien-suivi")),
    Part("consultant", ("synthese-consultant",)),
    Part("observations", ("appropriation",)),
    Part("extra", ()),
)
"""Every part, in the order of the documents."""

EVALUATION = Part("evaluation", ("evaluation",))
"""The end-of-bilan evaluation: the provider's evidence, exported on its own only.

It is not one of ``PARTS``: no copy of the synthesis or of the detailed results
ever holds it, whatever the person chooses; only ``--scope evaluation`` does.
"""

PART_IDS: tuple[str, ...] = tuple(part.id for part in PARTS)
EVERYTHING: frozenset[str] = frozenset(PART_IDS)

_PERSONAL = frozenset({"feedback", "interviews", "constraints"})
"""Personal constraints and other people's words: never in a default copy for someone else."""

DEFAULTS: dict[str, frozenset[str]] = {
    "self": EVERYTHING,
    "consultant": EVERYTHING - _PERSONAL,
    "cep": frozenset(
        {"situation", "competencies", "interests", "project", "training", "steps", "consultant"}
    ),
    "employer": frozenset({"competencies", "project", "steps", "consultant"}),
    "funder": frozenset({"competencies", "project", "steps", "consultant"}),
    "other": frozenset({"competencies", "project", "steps", "consultant"}),
}
"""What a copy holds unless the person chooses otherwise, per recipient."""

_OWNER = {exercise: part.id for part in (*PARTS, EVALUATION) for exercise in part.exercises}


def part_of(exercise_id: str) -> str:
    """The part an exercise's answers belong to (``extra`` if no part names it)."""
    return _OWNER.get(exercise_id, "extra")


def parse_parts(text: str) -> frozenset[str]:
    """``--content`` as typed: part ids separated by commas, or ``all``.

    Raises:
        ValueError: an unknown part, or nothing at all (the message names the
            known parts).
    """
    words = [word.strip() for word in text.split(",") if word.strip()]
    if words == ["all"]:
        return EVERYTHING
    unknown = [word for word in words if word not in EVERYTHING]
    if unknown or not words:
        raise ValueError(", ".join(unknown))
    return frozenset(words)


def ordered(parts: Iterable[str]) -> list[str]:
    """Part ids in the documents' order."""
    chosen = set(parts)
    return [part_id for part_id in PART_IDS if part_id in chosen]


def part_label(part_id: str) -> str:
    """A part as the person reads it in the list shown before she agrees."""
    labels = {
        "request": _("your request: why a bilan, what you expect of it"),
        "situation": _("your situation, your career path and your life line"),
        "arrangements": _("how the bilan is run: consultant, dates, hours"),
        "competencies": _("your competencies, the stories behind them, your aptitudes"),
        "feedback": _("what people around you said (their names and their words)"),
        "interests": _("your interests, values and motivations"),
        "project": _("your project, your leads and how they compare"),
        "interviews": _("your informational interviews (whom you met, what they said)"),
        "training": _("training and its funding"),
        "constraints": _("your personal constraints and resources"),
        "steps": _("your action plan and the follow-up"),
        "consultant": _("the part written by the person who accompanies you"),
        "observations": _("your own observations on the results"),
        "extra": _("exercises from other packs"),
    }
    return labels.get(part_id, part_id)
