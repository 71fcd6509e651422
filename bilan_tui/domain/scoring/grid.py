"""Skills grid: which items to rate, and the four quadrants they fall into.

Items come from three places, merged in this order: the pack's curated list,
the person's own items, and the tags they wrote on the entries of another
exercise (their achievement stories). The same competence typed twice ("Écoute
active", "ecoute  active") is one item: names are compared through
``tag_key``. When a tag matches an item already listed, the item absorbs it
and inherits its evidence, so a curated "écoute active" still cites the stories
that mention it. A pack item written "Head: explanation" also answers to its
head alone, and to the other names the pack gives it (``also``): a story
tagged "Former" or "pédagogie" backs "Former : transmettre un savoir-faire".

A rating is ``[mastery, desire]``, each 0–3. The quadrants read as:
assets (mastery 3, "I could teach it", and wanted), to develop (wanted, not
yet fully mastered), to let go (mastered, no longer wanted), neutral (neither).
A mastery of 2 ("I manage without help") is not yet an asset: counting it made
half of a typical grid "strengths", which a consultant would not sign.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..answers import CUSTOM_ITEMS, Entry, ExerciseAnswers, JSONValue
from ..keys import CUSTOM_ITEM_KEYS, RATING_KEYS, TAG_ITEM_KEYS
from ..model import Exercise

RATING_MIN = 0
RATING_MAX = 3
STRONG = 2
"""A desire of 2 or 3 counts as high; so does a mastery of 2 or 3 for what to let go."""
ASSET_MASTERY = RATING_MAX
"""Only a mastery of 3 makes an asset: the level at which she could teach it."""


class GridItemKind(StrEnum):
    """Where a grid item comes from."""

    PACK = "pack"
    CUSTOM = "custom"
    TAG = "tag"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A record entry that cites an item: the story behind a claimed skill."""

    entry_id: str
    title: str


@dataclass(frozen=True, slots=True)
class GridItem:
    """One item to rate.

    Attributes:
        key: Where its rating is stored (after ``RATING_KEYS.prefix``): a pack item id,
            ``custom:<label>`` or ``tag:<tag_key>``.
        text: What the person reads.
        kind: Where it comes from.
        group: The pack group id ("" for the person's items and tags).
        evidence: Entries of the source exercise citing it, in their order.
        aliases: Keys of the duplicates it absorbed (a tag matching a pack
            item...): a rating given under one of them still counts, so adding
            an item never hides a rating already given.
        also: The other names the pack gives it (``Item.also``).
    """

    key: str
    text: str
    kind: GridItemKind
    group: str = ""
    evidence: tuple[Evidence, ...] = ()
    aliases: tuple[str, ...] = ()
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rating:
    """Mastery and desire of one item, each 0–3 or ``None`` if not given yet."""

    mastery: int | None = None
    desire: int | None = None


@dataclass(frozen=True, slots=True)
class RatedItem:
    """An item with both ratings given."""

    item: GridItem
    mastery: int
    desire: int


@dataclass(frozen=True, slots=True)
class GridResult:
    """Items by quadrant, each list by (mastery + desire) descending, then item order."""

    assets: tuple[RatedItem, ...]
    to_develop: tuple[RatedItem, ...]
    to_let_go: tuple[RatedItem, ...]
    neutral: tuple[RatedItem, ...]
    unrated: tuple[GridItem, ...]


def clean_label(text: str) -> str:
    """A label as typed, trimmed, with runs of spaces collapsed."""
    return " ".join(text.split())


def tag_key(text: str) -> str:
    """Normalise a name for comparison: no accents, no case, single spaces.

    ``tag_key("  Écoute   Active ")`` is ``"ecoute active"``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(unicodedata.normalize("NFC", bare.casefold()).split())


def item_head(text: str) -> str:
    """The head of a "Head: explanation" item, or ``""`` when it has none.

    ``item_head("Former : transmettre un savoir-faire")`` is ``"Former"``.
    """
    head, colon, _rest = text.partition(":")
    return " ".join(head.split()) if colon else ""


def zone(mastery: int, desire: int) -> str:
    """The quadrant of a rated item: ``assets``, ``to_develop``, ``to_let_go`` or ``neutral``."""
    if desire >= STRONG:
        return "assets" if mastery >= ASSET_MASTERY else "to_develop"
    return "to_let_go" if mastery >= STRONG else "neutral"


def custom_key(label: str) -> str:
    """The item key of one of the person's own items."""
    return CUSTOM_ITEM_KEYS.key(clean_label(label))


def tag_item_key(tag: str) -> str:
    """The item key of a tag drawn from the source exercise."""
    return TAG_ITEM_KEYS.key(tag_key(tag))


def _strings(value: JSONValue) -> list[str]:
    """Non-blank strings of a list (or of a comma-separated string), cleaned."""
    raw = value.split(",") if isinstance(value, str) else value
    if not isinstance(raw, list):
        return []
    return [clean_label(text) for text in raw if isinstance(text, str) and text.strip()]


def entry_title(entry: Entry, source_exercise: Exercise | None = None, skip: str = "") -> str:
    """How to name an entry: its first non-empty summary field.

    Without the source exercise (or summary fields), the first non-empty
    text value of the entry stands in; ``skip`` excludes the tags field.
    """
    if source_exercise is not None:
        for field_id in source_exercise.summary_fields:
            value = entry.values.get(field_id)
            if value is not None and not isinstance(value, (list, dict)) and str(value).strip():
                return clean_label(str(value))
    for field_id, value in entry.values.items():
        if field_id != skip and isinstance(value, str) and value.strip():
            return clean_label(value)
    return ""


def grid_items(
    exercise: Exercise,
    answers: ExerciseAnswers,
    source_entries: Sequence[Entry] = (),
    source_exercise: Exercise | None = None,
) -> list[GridItem]:
    """Every item to rate: pack items, then the person's, then the source's tags.

    Args:
        exercise: The grid exercise.
        answers: Its answers (the person's own items are at ``CUSTOM_ITEMS``).
        source_entries: The entries of ``exercise.source.exercise``; their
            tags are read at ``exercise.source.field``.
        source_exercise: That exercise, used to title the evidence.
    """
    items: list[GridItem] = []
    index_by_key: dict[str, int] = {}
    aliases: dict[str, list[str]] = {}
    heads: dict[str, str] = {}

    def add(normalised: str, item: GridItem) -> str:
        normalised = heads.get(normalised, normalised)
        if not normalised:
            return normalised
        if normalised not in index_by_key:
            index_by_key[normalised] = len(items)
            items.append(item)
            aliases[normalised] = []
        elif item.key != items[index_by_key[normalised]].key:
            known = aliases[normalised]
            if item.key not in known:
                known.append(item.key)
        return normalised

    for pack_item in exercise.items:
        full = add(
            tag_key(pack_item.text),
            GridItem(
                pack_item.id,
                pack_item.text,
                GridItemKind.PACK,
                pack_item.group,
                also=pack_item.also,
            ),
        )
        for name in (item_head(pack_item.text), *pack_item.also):
            heads.setdefault(tag_key(name), full)
    heads.pop("", None)
    for label in _strings(answers.get(CUSTOM_ITEMS)):
        add(tag_key(label), GridItem(custom_key(label), label, GridItemKind.CUSTOM))

    tag_field = exercise.source.field if exercise.source is not None else ""
    evidence: dict[str, list[Evidence]] = {}
    for entry in source_entries if tag_field else ():
        title = entry_title(entry, source_exercise, skip=tag_field)
        for tag in _strings(entry.values.get(tag_field)):
            normalised = add(tag_key(tag), GridItem(tag_item_key(tag), tag, GridItemKind.TAG))
            cited = evidence.setdefault(normalised, [])
            if all(proof.entry_id != entry.id for proof in cited):
                cited.append(Evidence(entry.id, title))
    return [
        GridItem(
            item.key,
            item.text,
            item.kind,
            item.group,
            tuple(evidence.get(normalised, ())),
            tuple(aliases[normalised]),
            item.also,
        )
        for normalised, item in zip(index_by_key, items, strict=True)
    ]


def _level(value: JSONValue) -> int | None:
    """One axis of a rating, or ``None`` if absent or off the 0–3 scale."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if RATING_MIN <= value <= RATING_MAX else None


def read_rating(answers: ExerciseAnswers, key: str) -> Rating:
    """The stored ``[mastery, desire]`` of one item."""
    value = answers.get(RATING_KEYS.key(key))
    if not isinstance(value, list) or len(value) != 2:
        return Rating()
    return Rating(_level(value[0]), _level(value[1]))


def read_ratings(answers: ExerciseAnswers, items: Sequence[GridItem]) -> dict[str, Rating]:
    """The ratings of the given items, by item key.

    An item not rated under its own key takes the first rating found under
    one of its aliases.
    """
    ratings: dict[str, Rating] = {}
    for item in items:
        rating = Rating()
        for key in (item.key, *item.aliases):
            rating = read_rating(answers, key)
            if rating != Rating():
                break
        ratings[item.key] = rating
    return ratings


def quadrants(items: Sequence[GridItem], ratings: Mapping[str, Rating]) -> GridResult:
    """Place every fully rated item in one quadrant; the rest stay unrated."""
    buckets: dict[str, list[tuple[int, RatedItem]]] = {
        "assets": [],
        "to_develop": [],
        "to_let_go": [],
        "neutral": [],
    }
    unrated: list[GridItem] = []
    for order, item in enumerate(items):
        rating = ratings.get(item.key, Rating())
        mastery, desire = _level(rating.mastery), _level(rating.desire)
        if mastery is None or desire is None:
            unrated.append(item)
            continue
        buckets[zone(mastery, desire)].append((order, RatedItem(item, mastery, desire)))

    def ordered(name: str) -> tuple[RatedItem, ...]:
        rows = sorted(buckets[name], key=lambda row: (-(row[1].mastery + row[1].desire), row[0]))
        return tuple(rated for _order, rated in rows)

    return GridResult(
        assets=ordered("assets"),
        to_develop=ordered("to_develop"),
        to_let_go=ordered("to_let_go"),
        neutral=ordered("neutral"),
        unrated=tuple(unrated),
    )


def score_grid(
    exercise: Exercise,
    answers: ExerciseAnswers,
    source_entries: Sequence[Entry] = (),
    source_exercise: Exercise | None = None,
) -> GridResult:
    """Items and quadrants in one call, for exports and the profile screen."""
    items = grid_items(exercise, answers, source_entries, source_exercise)
    return quadrants(items, read_ratings(answers, items))
