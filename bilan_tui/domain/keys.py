"""The field ids a kind stores by itself: one key space each, built and parsed here only.

A pack declares its fields; the kinds that rate items, sort cards, rate grid
items or weigh criteria store their answers under field ids of their own,
``<prefix><id>`` (``item:R1``, ``rating:tag:excel``). Spelling the prefix at
every use invited two registries to drift and parsing by ``len(prefix)`` to
slip, so each space is one :class:`KeySpace` that builds a key, says whether
a field id is its own and gives the id back. The stored text is the contract
(workbooks written by older versions must keep every answer): the prefixes
below never change, ``tests/unit/test_answer_keys.py`` checks the demo's keys
against the ones it always stored and that no module builds a key by hand.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KeySpace:
    """Field ids made of a fixed prefix and an id (an item, a card, a criterion...).

    Attributes:
        prefix: What every key of the space starts with, separator included.
    """

    prefix: str

    def key(self, name: str) -> str:
        """The field id of ``name`` in this space."""
        return f"{self.prefix}{name}"

    def owns(self, field_id: str) -> bool:
        """Whether ``field_id`` belongs to this space."""
        return field_id.startswith(self.prefix)

    def name(self, field_id: str) -> str | None:
        """The id ``field_id`` was built from, or ``None`` if it is not of this space."""
        return field_id[len(self.prefix) :] if self.owns(field_id) else None


ITEM_KEYS = KeySpace("item:")
"""Likert: the rating of one item, ``item:<item id>``."""

PILE_KEYS = KeySpace("pile:")
"""Card sort: the pile a card was put on, ``pile:<card id>``."""

DEFINITION_KEYS = KeySpace("definition:")
"""Card sort: the person's definition of a ranked card, ``definition:<card id>``."""

RATING_KEYS = KeySpace("rating:")
"""Grid: the ``[mastery, desire]`` of one grid item, ``rating:<grid item key>``."""

CUSTOM_ITEM_KEYS = KeySpace("custom:")
"""Grid item keys of the person's own items, ``custom:<label>`` (listed at ``CUSTOM_ITEMS``)."""

TAG_ITEM_KEYS = KeySpace("tag:")
"""Grid item keys of the tags drawn from the source exercise, ``tag:<tag key>``."""

WEIGHT_KEYS = KeySpace("weight:")
"""Matrix: the weight of one criterion, ``weight:<criterion id>``."""

SCORE_KEYS = KeySpace("score:")
"""Matrix: one option's score on a criterion, ``score:<criterion id>`` at the option's entry."""

GAP_KEYS = KeySpace("gap:")
"""Records (leads): a skills-gap mark on an official item, ``gap:<item code>``."""

POSITION = "@position"
"""Field id holding a record entry's position in its list."""

RANK = "rank"
"""Card sort: the field id of the ranked list of first-pile cards."""

CUSTOM_ITEMS = "custom"
"""Grid: the field id of the person's own items (a list of labels), not a prefix."""

REFERENTIAL_VERSION = "rome:version"
"""Field id of the referential version a lead's fiche and marks came from."""
