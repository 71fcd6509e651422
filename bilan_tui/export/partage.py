"""Whether a copy for someone else goes to a recipient her modalités agree to.

In ``modalites``, the person records with whom she agrees, for now, to share
her results (``partage``). An export for someone else compares its recipient
with that answer: a recipient she did not name (or any recipient, when she
answered "no one" or nothing at all: the question's help says an empty answer
means no one) is a conflict, shown to her, that needs a second agreement. Her
answer never stands for the agreement itself: each copy is agreed on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilan_tui.i18n import _

from .consent import recipient_label
from .source import ExportSource

MODALITES = "modalites"
"""The exercise that records the agreement."""

PARTAGE = "partage"
"""Its multichoice field: the recipients she agrees to."""

NOBODY = "personne"
"""The choice that means no one; it cannot be ticked with another."""

RECIPIENT_OF_CHOICE: dict[str, str] = {
    "consultant": "consultant",
    "cep": "cep",
    "employeur": "employer",
    "financeur": "funder",
    "autre": "other",
}
"""Each choice of ``partage`` (but "no one") and the export recipient it names.

The two lists are the same, so that every recipient ``export --for`` offers
can be agreed to in ``modalites``, and the other way round.
"""


@dataclass(frozen=True, slots=True)
class Agreement:
    """What her modalités say about sharing.

    Attributes:
        answered: Whether she ticked anything.
        nobody: Whether "no one" is ticked (it wins over any other tick).
        recipients: The export recipients she agrees to.
    """

    answered: bool
    nobody: bool
    recipients: frozenset[str]


def agreement(source: ExportSource) -> Agreement | None:
    """Her recorded agreement, or ``None`` when the pack asks nothing about it."""
    exercise = source.pack.exercise(MODALITES)
    if exercise is None or not any(field.id == PARTAGE for field in exercise.fields):
        return None
    value = source.exercise_answers(MODALITES).get(PARTAGE)
    ticked = [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
    nobody = NOBODY in ticked
    named = frozenset(RECIPIENT_OF_CHOICE[item] for item in ticked if item in RECIPIENT_OF_CHOICE)
    return Agreement(
        answered=bool(ticked), nobody=nobody, recipients=frozenset() if nobody else named
    )


def conflict_lines(source: ExportSource, recipient: str) -> list[str]:
    """What to show when ``recipient`` is not one her modalités agree to; empty otherwise."""
    if recipient == "self":
        return []
    recorded = agreement(source)
    if recorded is None or recipient in recorded.recipients:
        return []
    title = exercise_title(source)
    if not recorded.answered:
        said = _(
            "In “{exercise}”, you have not said with whom you agree to share your results: "
            "without an answer, it is no one."
        ).format(exercise=title)
    elif recorded.nobody:
        said = _(
            "In “{exercise}”, you answered that you agree to share your results with no one."
        ).format(exercise=title)
    else:
        names = ", ".join(recipient_label(who) for who in _ordered(recorded.recipients))
        said = _("In “{exercise}”, you agreed to share your results with: {names}.").format(
            exercise=title, names=names
        )
    return [
        said,
        _("This copy is for {recipient}, who is not among them.").format(
            recipient=recipient_label(recipient)
        ),
        _(
            "You can still agree to it: you are free to change your mind. "
            "Consider updating your answer there too."
        ),
    ]


def exercise_title(source: ExportSource) -> str:
    """The modalités exercise's title, as her pack words it."""
    exercise = source.pack.exercise(MODALITES)
    return exercise.title if exercise is not None else MODALITES


def _ordered(recipients: frozenset[str]) -> list[str]:
    order = list(RECIPIENT_OF_CHOICE.values())
    return sorted(recipients, key=order.index)
