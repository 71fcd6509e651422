"""Decision matrix: weighted totals of the options (the leads) and their ranking.

Each criterion has a weight from 1 to 5 (the pack proposes one, the person may
change it) and each option a score from 1 to 5 per criterion. An option's
total is the sum of weight × score; a score not given yet counts 0 and marks
the option incomplete, so an unfinished lead is never silently favoured.
The ranking is a basis for discussion, not a verdict: equal totals share a
rank ("1, 2, 2, 4") and keep the order of the options.

Deal-breakers come first: an eliminatory criterion ("respects my limits") has
no weight and adds nothing to a total; a lead scored 1 or 2 on it is set aside
and ranked after every other, so that a lead breaking a limit can never win on
points. And a ranking that one point of weight would overturn is said to be
fragile (:func:`weight_sensitivity`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..answers import Entry, ExerciseAnswers, JSONValue
from ..keys import SCORE_KEYS, WEIGHT_KEYS
from ..model import Exercise
from ..parts import Criterion

LOW = 1
HIGH = 5
"""Weights and scores both run from 1 to 5."""

BREAKS_LIMIT = 2
"""On an eliminatory criterion, a score this low or lower sets the lead aside."""


@dataclass(frozen=True, slots=True)
class CriterionWeight:
    """A criterion and the weight in force.

    Attributes:
        criterion: The pack's criterion.
        weight: The person's weight, else the pack's default.
        from_pack: True when the default is used (the person did not choose).
    """

    criterion: Criterion
    weight: int
    from_pack: bool


@dataclass(frozen=True, slots=True)
class OptionScore:
    """One option's result.

    Attributes:
        entry_id: The record entry the option comes from.
        label: Its name.
        scores: Per criterion, in pack order: the score, or ``None`` if missing.
        total: Σ weight × score, missing scores counting 0.
        max_total: The total with every score at 5.
        percent: ``total`` as a share of ``max_total`` (0–100).
        complete: Whether every criterion is scored.
        rank: 1 for the best; equal totals share a rank; 0 for a lead set aside.
        eliminated: Whether it breaks a limit (an eliminatory criterion at 1 or 2).
    """

    entry_id: str
    label: str
    scores: tuple[int | None, ...]
    total: int
    max_total: int
    percent: float
    complete: bool
    rank: int
    eliminated: bool = False


@dataclass(frozen=True, slots=True)
class MatrixResult:
    """Weights, options in their own order, and the ranking (best first)."""

    weights: tuple[CriterionWeight, ...]
    options: tuple[OptionScore, ...]
    ranking: tuple[OptionScore, ...]
    max_total: int


def _in_range(value: JSONValue) -> int | None:
    """A 1–5 integer, or ``None``."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if LOW <= value <= HIGH else None


def criterion_weights(exercise: Exercise, answers: ExerciseAnswers) -> tuple[CriterionWeight, ...]:
    """The weight in force for each criterion, in pack order."""
    weights = []
    for criterion in exercise.criteria:
        chosen = _in_range(answers.get(WEIGHT_KEYS.key(criterion.id)))
        if chosen is None:
            weights.append(CriterionWeight(criterion, criterion.weight, True))
        else:
            weights.append(CriterionWeight(criterion, chosen, False))
    return tuple(weights)


def matrix_options(exercise: Exercise, source_entries: Sequence[Entry]) -> list[tuple[str, str]]:
    """(entry id, label) of each option, labelled by ``exercise.source.field``.

    An entry whose name is blank still counts as an option (it may be a lead
    being written): its label is then "".
    """
    field_id = exercise.source.field if exercise.source is not None else ""
    options = []
    for entry in source_entries:
        value = entry.values.get(field_id)
        label = " ".join(value.split()) if isinstance(value, str) else ""
        options.append((entry.id, label))
    return options


def score_matrix(
    exercise: Exercise, answers: ExerciseAnswers, options: Sequence[tuple[str, str]]
) -> MatrixResult:
    """Total, percentage and rank of every option.

    Args:
        exercise: The matrix exercise (its criteria and default weights).
        answers: Weights at ``WEIGHT_KEYS.key(criterion id)``; scores at
            ``SCORE_KEYS.key(criterion id)`` with the option's entry id.
        options: (entry id, label) pairs, in the order to show them.
    """
    weights = criterion_weights(exercise, answers)
    max_total = sum(w.weight * HIGH for w in weights if not w.criterion.eliminatory)
    unranked = []
    for entry_id, label in options:
        scores = tuple(
            _in_range(answers.get(SCORE_KEYS.key(weight.criterion.id), entry_id))
            for weight in weights
        )
        pairs = list(zip(weights, scores, strict=True))
        total = sum(
            weight.weight * score
            for weight, score in pairs
            if score is not None and not weight.criterion.eliminatory
        )
        eliminated = any(
            weight.criterion.eliminatory and score is not None and score <= BREAKS_LIMIT
            for weight, score in pairs
        )
        unranked.append(
            OptionScore(
                entry_id=entry_id,
                label=label,
                scores=scores,
                total=total,
                max_total=max_total,
                percent=100 * total / max_total if max_total else 0.0,
                complete=all(score is not None for score in scores),
                rank=0,
                eliminated=eliminated,
            )
        )
    order = sorted(
        range(len(unranked)),
        key=lambda index: (unranked[index].eliminated, -unranked[index].total, index),
    )
    ranks: dict[int, int] = {}
    for position, index in enumerate(order):
        previous = order[position - 1] if position else None
        if unranked[index].eliminated:
            ranks[index] = 0
        elif previous is not None and unranked[previous].total == unranked[index].total:
            ranks[index] = ranks[previous]
        else:
            ranks[index] = position + 1
    scored = tuple(replace(option, rank=ranks[index]) for index, option in enumerate(unranked))
    return MatrixResult(
        weights=weights,
        options=scored,
        ranking=tuple(scored[index] for index in order),
        max_total=max_total,
    )


@dataclass(frozen=True, slots=True)
class WeightFlip:
    """One point of weight on one criterion that changes which lead comes first.

    Attributes:
        criterion: The criterion whose weight moves.
        delta: +1 or −1.
        leader: The entry id of the lead that would then come first.
    """

    criterion: Criterion
    delta: int
    leader: str


def _leader(result: MatrixResult) -> str | None:
    """The lead alone in first place, or ``None`` (a tie, or nothing ranked)."""
    first = [option for option in result.ranking if option.rank == 1]
    return first[0].entry_id if len(first) == 1 else None


def weight_sensitivity(
    exercise: Exercise, answers: ExerciseAnswers, options: Sequence[tuple[str, str]]
) -> tuple[WeightFlip, ...] | None:
    """Every one-point change of a weight that puts another lead first.

    Returns ``None`` when there is no clear leader to test (nothing scored, or
    a tie at the top); an empty tuple means the first place holds whatever
    weight moves by one point.
    """
    base = score_matrix(exercise, answers, options)
    leader = _leader(base)
    if leader is None:
        return None
    flips = []
    for weight in base.weights:
        if weight.criterion.eliminatory:
            continue
        for delta in (-1, 1):
            moved = weight.weight + delta
            if not LOW <= moved <= HIGH:
                continue
            trial = ExerciseAnswers(answers.pack_id, answers.exercise_id, dict(answers.values))
            trial.set(WEIGHT_KEYS.key(weight.criterion.id), moved)
            other = _leader(score_matrix(exercise, trial, options))
            if other is not None and other != leader:
                flips.append(WeightFlip(weight.criterion, delta, other))
    return tuple(flips)
