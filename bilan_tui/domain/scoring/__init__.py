"""Scoring of the exercise kinds that derive results: likert, cardsort, grid, matrix.

Each function reads an ``Exercise`` and its ``ExerciseAnswers`` and returns
frozen result objects; nothing here stores or displays anything, so exports,
the profile screen and the command line all read the same figures.
"""

from .cardsort import CardsortResult, PileCards, RankedCard, sort_cards
from .grid import (
    Evidence,
    GridItem,
    GridItemKind,
    GridResult,
    RatedItem,
    Rating,
    custom_key,
    grid_items,
    quadrants,
    read_ratings,
    score_grid,
    tag_item_key,
    tag_key,
)
from .likert import (
    Consistency,
    DimensionScore,
    LikertResult,
    first_unanswered,
    progress,
    score_likert,
)
from .matrix import (
    CriterionWeight,
    MatrixResult,
    OptionScore,
    WeightFlip,
    matrix_options,
    score_matrix,
    weight_sensitivity,
)

__all__ = [
    "CardsortResult",
    "Consistency",
    "CriterionWeight",
    "DimensionScore",
    "Evidence",
    "GridItem",
    "GridItemKind",
    "GridResult",
    "LikertResult",
    "MatrixResult",
    "OptionScore",
    "PileCards",
    "RankedCard",
    "RatedItem",
    "Rating",
    "WeightFlip",
    "custom_key",
    "first_unanswered",
    "grid_items",
    "matrix_options",
    "progress",
    "quadrants",
    "read_ratings",
    "score_grid",
    "score_likert",
    "score_matrix",
    "sort_cards",
    "tag_item_key",
    "tag_key",
    "weight_sensitivity",
]
