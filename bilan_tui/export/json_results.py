"""Derived results in the JSON export: scores, piles, quadrants, rankings.

Each function returns plain JSON-ready data for one exercise kind, computed
by ``domain.scoring`` through ``results``.
"""

from __future__ import annotations

from typing import Any

from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.scoring import read_ratings

from . import results
from .source import ExportSource


def likert_json(source: ExportSource, exercise: Exercise) -> dict[str, Any]:
    result = results.likert(source, exercise)
    answers = source.exercise_answers(exercise.ref)
    scale = exercise.scale
    return {
        "code": result.code,
        "display_code": result.display_code,
        "tied": [list(group) for group in result.tied],
        "consistency": result.consistency.value if result.consistency else None,
        "differentiation": result.differentiation,
        "dimensions": [
            {
                "id": dim.dimension.id,
                "title": dim.dimension.title,
                "letter": dim.dimension.letter,
                "score": dim.score,
                "answered": dim.answered,
                "total": dim.total,
            }
            for dim in result.dimensions
        ],
        "items": [
            {
                "id": item.id,
                "text": item.text,
                "dimension": item.dimension,
                "value": value,
                "label": scale.label_for(item, value) if scale and isinstance(value, int) else None,
                **(
                    {"versus": item.versus, "versus_text": item.versus_text}
                    if item.forced_choice
                    else {"reverse": True}
                    if item.reverse
                    else {}
                ),
            }
            for item in exercise.items
            if (value := answers.get(ITEM_KEYS.key(item.id))) is not None
        ],
    }


def cardsort_json(source: ExportSource, exercise: Exercise) -> dict[str, Any]:
    result = results.cardsort(source, exercise)
    return {
        "top": [
            {
                "rank": ranked.rank,
                "card": ranked.card.id,
                "title": ranked.card.title,
                "definition": ranked.definition,
                "ranked_by_person": ranked.ranked_by_person,
            }
            for ranked in result.top
        ],
        "piles": {pile.pile.id: [card.id for card in pile.cards] for pile in result.piles},
        "unsorted": [card.id for card in result.unsorted],
    }


def grid_json(source: ExportSource, exercise: Exercise) -> dict[str, Any]:
    scores = results.grid(source, exercise)
    ratings = read_ratings(source.exercise_answers(exercise.ref), scores.items)
    quadrant = {}
    for name in ("assets", "to_develop", "to_let_go", "neutral"):
        for rated in getattr(scores.result, name):
            quadrant[rated.item.key] = name
    return {
        "items": [
            {
                "key": item.key,
                "text": item.text,
                "kind": item.kind.value,
                "group": item.group,
                "mastery": ratings[item.key].mastery,
                "desire": ratings[item.key].desire,
                "quadrant": quadrant.get(item.key),
                "evidence": [{"entry_id": e.entry_id, "title": e.title} for e in item.evidence],
            }
            for item in scores.items
        ]
    }


def matrix_json(source: ExportSource, exercise: Exercise) -> dict[str, Any]:
    result = results.matrix(source, exercise)
    ids = [weight.criterion.id for weight in result.weights]
    return {
        "weights": [
            {
                "criterion": weight.criterion.id,
                "title": weight.criterion.title,
                "weight": None if weight.criterion.eliminatory else weight.weight,
                "eliminatory": weight.criterion.eliminatory,
                "from_pack": weight.from_pack,
            }
            for weight in result.weights
        ],
        "options": [
            {
                "entry_id": option.entry_id,
                "label": option.label,
                "scores": dict(zip(ids, option.scores, strict=True)),
                "total": option.total,
                "max_total": option.max_total,
                "percent": round(option.percent, 2),
                "complete": option.complete,
                "rank": option.rank,
                "eliminated": option.eliminated,
            }
            for option in result.ranking
        ],
    }


DERIVED = {
    Kind.LIKERT: likert_json,
    Kind.CARDSORT: cardsort_json,
    Kind.GRID: grid_json,
    Kind.MATRIX: matrix_json,
}
