"""Likert scoring: a score per dimension, the top-N code and how to read it.

Scores are computed with exact fractions and only turned into floats at the
end, so that the order of the items never changes a result and two dimensions
with the same mean are really reported as tied (floating-point sums in a
different order could split them by a hair).

Reading a code (RIASEC here, but any lettered profile works the same way):

* ``code`` is the top ``exercise.top`` dimensions by score, best first. Equal
  scores are broken by the order of the dimensions in the pack, so the code is
  always the same for the same answers.
* ``tied`` lists every group of dimensions that share a score and touch the
  code: the order inside the group, or which of them made the cut, was decided
  by pack order, not by the person. ``display_code`` shows them to a reader:
  ``"S(E=A)"`` means S first, then E and A equally; ``"SE(A=C)"`` with a
  three-letter code means A and C are tied for the third place, and only one of
  them fits (``cutoff_tie`` is then true).
* ``differentiation`` is the spread between the highest and lowest score: a
  flat profile (``flat``) means interests are not clear yet, which is worth
  discussing rather than over-reading the code.
* ``consistency`` says how close the first two letters sit on the R-I-A-S-E-C
  hexagon (only for the six RIASEC letters): neighbours are coherent,
  opposites signal a tension to explore.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from ..answers import ExerciseAnswers
from ..keys import ITEM_KEYS
from ..model import Exercise
from ..parts import Dimension, Scale

DEFAULT_SCALE = Scale(1, 5)
"""Used only if a likert exercise has no scale (the pack checker reports it)."""

RIASEC_HEXAGON = "RIASEC"
"""Holland's types in hexagon order: neighbours are alike, opposites differ."""

NEAR_TIE_MARGIN = 5.0
"""Two scores (on 0–100) this close or closer could be read in either order."""

FLAT_DIFFERENTIATION = 20.0
"""Below this spread (on 0–100) a profile is called flat: a prompt to talk, not a verdict."""


class Consistency(StrEnum):
    """How close the first two letters of a RIASEC code are on the hexagon."""

    ADJACENT = "adjacent"
    ALTERNATE = "alternate"
    OPPOSITE = "opposite"


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """One dimension's result.

    Attributes:
        dimension: The pack's dimension.
        score: Mean of the answered items rescaled to 0–100; ``None`` until one
            item of the dimension is answered.
        answered: Items of this dimension with a valid rating.
        total: Items of this dimension in the pack.
    """

    dimension: Dimension
    score: float | None
    answered: int
    total: int

    @property
    def label(self) -> str:
        """The dimension's letter, else its title: what a code is written with."""
        return self.dimension.letter or self.dimension.title


@dataclass(frozen=True, slots=True)
class LikertResult:
    """Every derived figure of a likert exercise.

    Attributes:
        dimensions: One score per dimension, in pack order.
        ranked: Scored dimensions, best first (ties in pack order).
        code: The top-N labels joined (``"SEA"``; joined with ", " when a label
            is longer than one character). Empty if nothing is scored or the
            exercise has no ``top``.
        tied: Groups of labels that share a score and touch the code, best
            group first, each in pack order.
        display_code: The code with its ties made visible, e.g. ``"S(E=A)"``.
        cutoff_tie: Whether a tie straddles the end of the code, i.e. another
            dimension could have taken the last place(s).
        differentiation: Highest minus lowest score; ``None`` with fewer than
            two scored dimensions.
        consistency: Hexagon distance of the code's first two letters, only
            when the dimensions are exactly the six RIASEC letters. It reads
            the code as written: when ``tied`` involves the second letter, it
            is one reading among several.
        answered: Items with a valid rating.
        total: Items in the exercise.
    """

    dimensions: tuple[DimensionScore, ...]
    ranked: tuple[DimensionScore, ...]
    code: str
    tied: tuple[tuple[str, ...], ...]
    display_code: str
    cutoff_tie: bool
    differentiation: float | None
    consistency: Consistency | None
    answered: int
    total: int

    @property
    def flat(self) -> bool:
        """Whether the profile is too flat to read the code with confidence."""
        return self.differentiation is not None and self.differentiation < FLAT_DIFFERENTIATION


def rating(exercise: Exercise, answers: ExerciseAnswers, item_id: str) -> int | None:
    """The person's rating of one item, or ``None`` if missing or off the scale.

    A value off the current scale (the pack changed its scale) counts as not
    answered: asking again is better than guessing what it meant.
    """
    scale = exercise.scale or DEFAULT_SCALE
    value = answers.get(ITEM_KEYS.key(item_id))
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if scale.min <= value <= scale.max else None


def progress(exercise: Exercise, answers: ExerciseAnswers) -> tuple[int, int]:
    """(answered, total) items of a likert exercise, for a "12 / 48" header."""
    answered = sum(rating(exercise, answers, item.id) is not None for item in exercise.items)
    return answered, len(exercise.items)


def first_unanswered(exercise: Exercise, answers: ExerciseAnswers) -> int | None:
    """Index in ``exercise.items`` of the first item without a rating, if any.

    Reopening an exercise puts the cursor there, so the person resumes where
    they stopped.
    """
    for index, item in enumerate(exercise.items):
        if rating(exercise, answers, item.id) is None:
            return index
    return None


def _exact_scores(
    exercise: Exercise, answers: ExerciseAnswers
) -> dict[str, tuple[Fraction | None, int, int]]:
    """Per dimension id: exact score on 0–100, answered and total counts."""
    scale = exercise.scale or DEFAULT_SCALE
    span = scale.max - scale.min
    sums: dict[str, int] = {dim.id: 0 for dim in exercise.dimensions}
    answered: dict[str, int] = {dim.id: 0 for dim in exercise.dimensions}
    totals: dict[str, int] = {dim.id: 0 for dim in exercise.dimensions}
    for item in exercise.items:
        value = rating(exercise, answers, item.id)
        credits = scale.credit(item, value) if value is not None else None
        for index, dim_id in enumerate((item.dimension, item.versus)):
            if dim_id not in totals:
                continue
            totals[dim_id] += 1
            if credits is not None:
                sums[dim_id] += credits[index]
                answered[dim_id] += 1
    result: dict[str, tuple[Fraction | None, int, int]] = {}
    for dim_id, count in answered.items():
        score = None
        if count and span > 0:
            score = Fraction(sums[dim_id] * 100, count * span)
        elif count:
            score = Fraction(0)
        result[dim_id] = (score, count, totals[dim_id])
    return result


def _join(labels: list[str], parts: list[str] | None = None) -> str:
    """Letters run together ("SEA"); longer labels are separated by commas.

    ``parts`` are the same labels already grouped for display ("(E=A)"); the
    separator is chosen from the plain labels so both renderings agree.
    """
    pieces = labels if parts is None else parts
    separator = "" if all(len(label) == 1 for label in labels) else ", "
    return separator.join(pieces)


def _consistency(exercise: Exercise, labels: list[str]) -> Consistency | None:
    """Hexagon distance of the first two letters, for a RIASEC profile only."""
    letters = sorted(dim.letter.upper() for dim in exercise.dimensions)
    if letters != sorted(RIASEC_HEXAGON) or len(labels) < 2:
        return None
    first = RIASEC_HEXAGON.index(labels[0].upper())
    second = RIASEC_HEXAGON.index(labels[1].upper())
    distance = abs(first - second)
    distance = min(distance, len(RIASEC_HEXAGON) - distance)
    return {1: Consistency.ADJACENT, 2: Consistency.ALTERNATE}.get(distance, Consistency.OPPOSITE)


def _ties(
    ranked: list[DimensionScore], exact: dict[str, Fraction], top: int
) -> tuple[list[tuple[str, ...]], list[str], bool]:
    """Tie groups touching the code, the code's display parts, and a cut-off tie.

    ``ranked`` keeps equal scores next to each other, in pack order, so a
    group is a run of equal exact scores.
    """
    groups: list[list[DimensionScore]] = []
    for dim in ranked:
        if groups and exact[groups[-1][0].dimension.id] == exact[dim.dimension.id]:
            groups[-1].append(dim)
        else:
            groups.append([dim])
    tied: list[tuple[str, ...]] = []
    parts: list[str] = []
    cutoff_tie = False
    position = 0
    for group in groups:
        if position >= top:
            break
        labels = [dim.label for dim in group]
        if len(group) > 1:
            tied.append(tuple(labels))
            parts.append("(" + "=".join(labels) + ")")
            cutoff_tie = cutoff_tie or position + len(group) > top
        else:
            parts.append(labels[0])
        position += len(group)
    return tied, parts, cutoff_tie


def score_likert(exercise: Exercise, answers: ExerciseAnswers) -> LikertResult:
    """Score every dimension, then derive the code and how to read it."""
    counts = _exact_scores(exercise, answers)
    exact = {dim_id: score for dim_id, (score, _a, _t) in counts.items() if score is not None}
    dimensions = tuple(
        DimensionScore(
            dim,
            float(exact[dim.id]) if dim.id in exact else None,
            counts[dim.id][1],
            counts[dim.id][2],
        )
        for dim in exercise.dimensions
    )
    order = {dim.dimension.id: index for index, dim in enumerate(dimensions)}
    ranked = sorted(
        (dim for dim in dimensions if dim.dimension.id in exact),
        key=lambda dim: (-exact[dim.dimension.id], order[dim.dimension.id]),
    )
    top = max(exercise.top, 0)
    code_labels = [dim.label for dim in ranked[:top]]
    tied, parts, cutoff_tie = _ties(ranked, exact, top)
    values = list(exact.values())
    answered, total = progress(exercise, answers)
    return LikertResult(
        dimensions=dimensions,
        ranked=tuple(ranked),
        code=_join(code_labels),
        tied=tuple(tuple(group) for group in tied),
        display_code=_join(code_labels, parts),
        cutoff_tie=cutoff_tie,
        differentiation=float(max(values) - min(values)) if len(values) >= 2 else None,
        consistency=_consistency(exercise, code_labels),
        answered=answered,
        total=total,
    )


@dataclass(frozen=True, slots=True)
class TopSplit:
    """The best ``count`` dimensions, with a tie at the cut told as a tie.

    One rule everywhere (profile screen, synthesis): the dimensions scoring
    strictly above the last place are the top; if several share the score of
    the last place, they are all named, as tied for that place, rather than
    picked in pack order (three shown out of eight equal ones) or all called
    "the top 3" (eight names under "your top 3").

    Attributes:
        clear: Dimensions surely in the top, best first.
        tied: Dimensions sharing the last place; empty when there is no tie there.
        place: The place they are tied for (1-based), 0 when ``tied`` is empty.
    """

    clear: tuple[DimensionScore, ...]
    tied: tuple[DimensionScore, ...]
    place: int


def split_top(ranked: tuple[DimensionScore, ...], count: int) -> TopSplit:
    """Split the best ``count`` of ``ranked`` (best first) by :class:`TopSplit`'s rule.

    Scores come from exact fractions, so equal means compare equal here.
    """
    scored = [dim for dim in ranked if dim.score is not None]
    if count <= 0 or not scored:
        return TopSplit((), (), 0)
    if len(scored) <= count or scored[count].score != scored[count - 1].score:
        return TopSplit(tuple(scored[:count]), (), 0)
    cut = scored[count - 1].score
    first = next(index for index, dim in enumerate(scored) if dim.score == cut)
    tied = tuple(dim for dim in scored if dim.score == cut)
    return TopSplit(tuple(scored[:first]), tied, first + 1)


def near_ties(
    ranked: tuple[DimensionScore, ...], count: int, margin: float = NEAR_TIE_MARGIN
) -> tuple[tuple[DimensionScore, DimensionScore], ...]:
    """Neighbours in ``ranked`` that are close but not equal, where the first ``count`` end.

    A questionnaire cannot tell 31 from 28 apart: the order of such a pair is
    open. Pairs are taken among the first ``count`` dimensions and across the
    cut (the last of the code against the first left out); exact ties are
    :class:`LikertResult.tied`'s and are left out here.
    """
    scored = [dim for dim in ranked if dim.score is not None]
    pairs = []
    for upper, lower in itertools.pairwise(scored[: count + 1]):
        high, low = upper.score, lower.score
        if high is not None and low is not None and 0 < high - low <= margin:
            pairs.append((upper, lower))
    return tuple(pairs)
