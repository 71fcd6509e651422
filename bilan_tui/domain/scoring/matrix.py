"""Decision matrix: weighted totals of the options (the leads) and their ranking.

Each criterion has a weight from 1 to 5 (the pack proposes one, the person may
change it) and each option a score from 1 to 5 per criterion. An option's
total is the sum of weight × score; a score not given yet counts 0 and marks
the option incomplete, so an unfinished lead is never silently favoured.
The ranking is a basis for discussion, not a verdict: equal totals share a
rank ("1, 2, 2, 4") and keep the order of the options.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..answers import SCORE, WEIGHT, Entry, ExerciseAnswers, JSONValue
from ..model import Exercise
from ..parts import Criterion

LOW = 1
HIGH = 5
"""Weights and scores both run from 1 to 5."""


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
        rank: 1 for the best; equal totals share a rank.
    """

    entry_id: str
    label: str
    scores: tuple[int | None, ...]
    total: int
    max_total: int
    percent: float
    complete: bool
    rank: int


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
        chosen = _in_range(answers.get(WEIGHT + criterion.id))
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
        answers: Weights at ``WEIGHT + criterion id``; scores at
            ``SCORE + criterion id`` with the option's entry id.
        options: (entry id, label) pairs, in the order to show them.
    """
    weights = criterion_weights(exercise, answers)
    max_total = sum(weight.weight * HIGH for weight in weights)
    unranked = []
    for entry_id, label in options:
        scores = tuple(
            _in_range(answers.get(SCORE + weight.criterion.id, entry_id)) for weight in weights
        )
        total = sum(
            weight.weight * score
            for weight, score in zip(weights, scores, strict=True)
            if score is not None
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
            )
        )
    order = sorted(range(len(unranked)), key=lambda index: (-unranked[index].total, index))
    ranks: dict[int, int] = {}
    for position, index in enumerate(order):
        previous = order[position - 1] if position else None
        if previous is not None and unranked[previous].total == unranked[index].total:
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
