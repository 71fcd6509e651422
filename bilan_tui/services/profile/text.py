"""The profile in words and pictures: the sentences and bars its readers see.

Kept apart from the model so that the screen and the exports phrase the
results the same way. Plain strings only: the interface decides the styling.
"""

from __future__ import annotations

from bilan_tui.domain.ordinal import ordinal
from bilan_tui.domain.profile import Profile
from bilan_tui.domain.scoring import Consistency, LikertResult
from bilan_tui.domain.scoring.likert import split_top
from bilan_tui.i18n import _, language

BLOCKS = "▏▎▍▌▋▊▉"
"""Partial blocks of one to seven eighths of a cell, for smooth bars."""


def bar(fraction: float, width: int) -> str:
    """A horizontal bar of ``width`` cells filled to ``fraction`` (0–1), by eighths.

    Only the filled part is returned (no padding): ``bar(0.5, 4)`` is ``"██"``.
    """
    eighths = round(max(0.0, min(1.0, fraction)) * max(width, 0) * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (BLOCKS[rest - 1] if rest else "")


def interests_sentences(result: LikertResult) -> list[str]:
    """How to read a letter code: the code, its ties, its spread and its coherence."""
    if not result.ranked:
        return []
    lines = [_("Your code: {code}.").format(code=result.display_code)]
    for group in result.tied:
        lines.append(
            _("{letters} are tied: read them in either order.").format(letters=" = ".join(group))
        )
    if result.cutoff_tie:
        lines.append(
            _("The tie reaches the end of the code: another letter could take the last place.")
        )
    spread = result.differentiation
    if spread is not None and result.flat:
        lines.append(
            _(
                "Your scores are close together ({spread:.0f} points apart out of 100): "
                "a prompt to talk it over, not a verdict."
            ).format(spread=spread)
        )
    elif spread is not None:
        lines.append(
            _(
                "{spread:.0f} points out of 100 between your highest and lowest type: "
                "a clear profile."
            ).format(spread=spread)
        )
    first, second = (
        (dim.label for dim in result.ranked[:2]) if len(result.ranked) >= 2 else ("", "")
    )
    sentences = {
        Consistency.ADJACENT: _("{a} and {b} are neighbours on the hexagon: a coherent pair."),
        Consistency.ALTERNATE: _(
            "{a} and {b} sit one type apart on the hexagon: a fairly coherent pair."
        ),
        Consistency.OPPOSITE: _(
            "{a} and {b} are opposite on the hexagon: a tension worth exploring."
        ),
    }
    if result.consistency is not None:
        lines.append(sentences[result.consistency].format(a=first, b=second))
    if result.answered < result.total:
        lines.append(
            _("Based on {answered} of {total} answers so far.").format(
                answered=result.answered, total=result.total
            )
        )
    return lines


def top_sentence(result: LikertResult, count: int) -> str:
    """ "Your top 3: A, B, C." — or, on a tie at the last place, the tie in words.

    The rule is :func:`bilan_tui.domain.scoring.likert.split_top`'s, the same as
    the synthesis: never more names than places under "your top", never a
    tie settled silently.
    """
    split = split_top(result.ranked, count)
    clear = [dim.dimension.title for dim in split.clear]
    if not split.tied:
        return _("Your top {count}: {names}.").format(count=len(clear), names=", ".join(clear))
    tied = ", ".join(dim.dimension.title for dim in split.tied)
    if not clear:
        return _("Tied at the top, with the same score: {tied}.").format(tied=tied)
    return _("Your highest scores: {names}; then, tied for {place} place: {tied}.").format(
        names=", ".join(clear), place=ordinal(split.place, language()), tied=tied
    )


def top_titles(result: LikertResult, count: int) -> set[str]:
    """The titles a chart stresses: the clear top and any dimension tied at its cut."""
    split = split_top(result.ranked, count)
    return {dim.dimension.title for dim in (*split.clear, *split.tied)}


def empty_hints(profile: Profile) -> dict[str, str]:
    """What to do to fill each empty part, by part name (``interests``, ``skills``…)."""
    hints: dict[str, str] = {}
    if profile.interests is not None and profile.interests.empty:
        ex = profile.interests.exercise
        hints["interests"] = _("Rate the {count} activities in “{title}” to see your code.").format(
            count=len(ex.items), title=ex.title
        )
    if profile.aptitudes is not None and profile.aptitudes.empty:
        ex = profile.aptitudes.exercise
        hints["aptitudes"] = _(
            "Answer the {count} questions in “{title}” to see your aptitude profile."
        ).format(count=len(ex.items), title=ex.title)
    if profile.motivations is not None and profile.motivations.empty:
        ex = profile.motivations.exercise
        hints["motivations"] = _(
            "Answer the {count} statements in “{title}” to see what drives you."
        ).format(count=len(ex.items), title=ex.title)
    if profile.values is not None and profile.values.empty:
        hints["values"] = _("Sort the cards in “{title}” to see your top values.").format(
            title=profile.values.exercise.title
        )
    if profile.skills is not None and profile.skills.empty:
        hints["skills"] = _(
            "Rate your skills in “{title}” to see your assets and what to develop."
        ).format(title=profile.skills.exercise.title)
    return hints
