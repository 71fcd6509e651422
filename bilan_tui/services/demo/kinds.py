"""The demo's answers to the kinds that are not plain fields: likert, cardsort, grid, matrix.

Each function reads the exercise's underscore tables (``_ratings``,
``_piles``...) and hands every answer to ``put`` under the key conventions of
``bilan_tui.domain.answers``. Anything that names an item, card, pile or
criterion the pack does not have is refused: the demo must fit the pack it
is written for, and a typo should fail the tests, not hide a result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bilan_tui.domain.answers import CUSTOM_ITEMS, RANK, JSONValue
from bilan_tui.domain.keys import (
    DEFINITION_KEYS,
    ITEM_KEYS,
    PILE_KEYS,
    RATING_KEYS,
    SCORE_KEYS,
    WEIGHT_KEYS,
)
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.scoring.grid import custom_key, tag_item_key

from .data import (
    DemoDataError,
    Table,
    as_int,
    as_pair,
    as_str,
    as_str_list,
    as_table,
    json_list,
)

Put = Callable[[str, JSONValue, str], None]
"""Record one answer: field id, value, entry id ("" outside record entries)."""


def _known(name: str, allowed: set[str], where: str) -> str:
    if name not in allowed:
        raise DemoDataError(f"{where}: {name!r} is not in the pack")
    return name


def likert_answers(exercise: Exercise, meta: Table, put: Put) -> None:
    """One rating per item, from ``_ratings`` (item id -> point of the scale)."""
    where = f"{exercise.id}._ratings"
    items = {item.id for item in exercise.items}
    for item_id, value in as_table(meta.get("_ratings", {}), where).items():
        put(ITEM_KEYS.key(_known(item_id, items, where)), as_int(value, f"{where}.{item_id}"), "")


def cardsort_answers(exercise: Exercise, meta: Table, put: Put) -> None:
    """Piles (``_piles``), the ranking (``_rank``) and the definitions (``_definitions``)."""
    cards = {card.id for card in exercise.cards}
    piles = {pile.id for pile in exercise.piles}
    where = f"{exercise.id}._piles"
    for card_id, pile in as_table(meta.get("_piles", {}), where).items():
        pile_id = _known(as_str(pile, f"{where}.{card_id}"), piles, f"{where}.{card_id}")
        put(PILE_KEYS.key(_known(card_id, cards, where)), pile_id, "")
    if "_rank" in meta:
        ranked = as_str_list(meta["_rank"], f"{exercise.id}._rank")
        for card_id in ranked:
            _known(card_id, cards, f"{exercise.id}._rank")
        put(RANK, json_list(ranked), "")
    where = f"{exercise.id}._definitions"
    for card_id, text in as_table(meta.get("_definitions", {}), where).items():
        put(
            DEFINITION_KEYS.key(_known(card_id, cards, where)),
            as_str(text, f"{where}.{card_id}"),
            "",
        )


def grid_answers(exercise: Exercise, meta: Table, put: Put, skills: Mapping[str, str]) -> None:
    """Ratings ``[mastery, desire]`` of pack items, story tags and the person's own items.

    ``_items`` names pack items; ``_tags`` and ``_custom`` name skills whose
    labels, in the pack's language, come from ``skills``. Tag ratings are
    stored under the key the grid derives from the tag's label, so they meet
    the tags written in the stories.
    """
    where = f"{exercise.id}._items"
    items = {item.id for item in exercise.items}
    for item_id, value in as_table(meta.get("_items", {}), where).items():
        put(RATING_KEYS.key(_known(item_id, items, where)), _pair(value, f"{where}.{item_id}"), "")
    where = f"{exercise.id}._tags"
    for name, value in as_table(meta.get("_tags", {}), where).items():
        label = _skill(skills, name, where)
        put(RATING_KEYS.key(tag_item_key(label)), _pair(value, f"{where}.{name}"), "")
    where = f"{exercise.id}._custom"
    own = as_table(meta.get("_custom", {}), where)
    labels = [_skill(skills, name, where) for name in own]
    if labels:
        put(CUSTOM_ITEMS, json_list(labels), "")
    for label, value in zip(labels, own.values(), strict=True):
        put(RATING_KEYS.key(custom_key(label)), _pair(value, f"{where}.{label}"), "")


def matrix_answers(exercise: Exercise, meta: Table, put: Put, options: Mapping[str, str]) -> None:
    """Weights per criterion (``_weights``) and scores per option (``_scores``).

    Args:
        exercise: The matrix exercise.
        meta: Its underscore tables.
        put: Where answers go.
        options: Entry name in the source exercise -> its entry id.
    """
    criteria = {criterion.id for criterion in exercise.criteria}
    where = f"{exercise.id}._weights"
    for criterion_id, value in as_table(meta.get("_weights", {}), where).items():
        weight = as_int(value, f"{where}.{criterion_id}")
        put(WEIGHT_KEYS.key(_known(criterion_id, criteria, where)), weight, "")
    where = f"{exercise.id}._scores"
    for name, row in as_table(meta.get("_scores", {}), where).items():
        entry = _known(name, set(options), where)
        for criterion_id, value in as_table(row, f"{where}.{name}").items():
            score = as_int(value, f"{where}.{name}.{criterion_id}")
            put(
                SCORE_KEYS.key(_known(criterion_id, criteria, f"{where}.{name}")),
                score,
                options[entry],
            )


def _pair(value: object, where: str) -> list[JSONValue]:
    return json_list(as_pair(value, where))


def _skill(skills: Mapping[str, str], name: str, where: str) -> str:
    """The label of a skill in the texts' language."""
    if name not in skills:
        raise DemoDataError(f"{where}: the skill {name!r} has no label in [skills]")
    return skills[name]
