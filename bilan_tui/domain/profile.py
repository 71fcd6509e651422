"""The profile: the results of the bilan gathered in one place, without any display.

The profile screen draws it and the exports can write it: both read the same
figures from here. Which exercise feeds which part is decided by kind, with
the shipped pack's ids preferred, so a consultant's own pack (or the tests'
small one) still gets a profile:

* interests: the likert ``interets``, else the first likert whose dimensions
  all carry a letter (a Holland-style code);
* aptitudes and motivations: the likerts ``aptitudes`` and ``motivations``;
* values: the card sort ``valeurs``, else the first card sort;
* skills: the grid ``competences``, else the first grid, with the evidence of
  its source stories and the feedback of ``entourage`` naming the same skill.

It lives in the domain because it is pure arithmetic over answers, and both
the exports (which import the domain only) and the profile screen read it.
Nothing here imports Textual or the storage layer: the answers come through
a reader function (``WorkbookSession.exercise_answers``); the session side
(``services.profile.profile_of``) passes it in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bilan_tui.domain.answers import Entry, ExerciseAnswers, JSONValue
from bilan_tui.domain.keys import CUSTOM_ITEM_KEYS, TAG_ITEM_KEYS
from bilan_tui.domain.model import Exercise, Kind, Pack
from bilan_tui.domain.parts import FieldType
from bilan_tui.domain.scoring import (
    CardsortResult,
    GridItem,
    GridResult,
    LikertResult,
    RatedItem,
    score_grid,
    score_likert,
    sort_cards,
    tag_key,
)
from bilan_tui.domain.scoring.grid import entry_title, item_head

INTERESTS_ID = "interets"
APTITUDES_ID = "aptitudes"
MOTIVATIONS_ID = "motivations"
VALUES_ID = "valeurs"
SKILLS_ID = "competences"
FEEDBACK_ID = "entourage"
FEEDBACK_FIELD = "forces"

AnswerReader = Callable[[Exercise], ExerciseAnswers]
"""Reads the stored answers of one exercise (``WorkbookSession.exercise_answers``)."""


@dataclass(frozen=True, slots=True)
class LikertPart:
    """A likert exercise and its scores (interests, aptitudes, motivations)."""

    exercise: Exercise
    result: LikertResult

    @property
    def empty(self) -> bool:
        """Whether no dimension has a score yet."""
        return not self.result.ranked


@dataclass(frozen=True, slots=True)
class ValuesPart:
    """The card sort and its ranked top."""

    exercise: Exercise
    result: CardsortResult

    @property
    def empty(self) -> bool:
        """Whether no card reached the first pile yet."""
        return not self.result.top


@dataclass(frozen=True, slots=True)
class Feedback:
    """Someone who named one of the person's skills.

    Attributes:
        entry_id: The feedback entry.
        who: Who gave it (the entry's title).
        word: The strength as it was written down.
    """

    entry_id: str
    who: str
    word: str


@dataclass(frozen=True, slots=True)
class SkillsPart:
    """The skills grid by quadrant, with what supports each skill.

    Attributes:
        exercise: The grid exercise.
        result: Items by quadrant; each item carries its stories as evidence.
        feedback: Per item key, the feedback naming that skill.
        source: The exercise the stories come from, if any.
        feedback_exercise: The feedback exercise, if the pack has one.
    """

    exercise: Exercise
    result: GridResult
    feedback: Mapping[str, tuple[Feedback, ...]] = field(default_factory=dict)
    source: Exercise | None = None
    feedback_exercise: Exercise | None = None

    @property
    def rated(self) -> int:
        """Items with both ratings given."""
        result = self.result
        return sum(
            len(zone)
            for zone in (result.assets, result.to_develop, result.to_let_go, result.neutral)
        )

    @property
    def empty(self) -> bool:
        """Whether no item is rated yet."""
        return self.rated == 0


@dataclass(frozen=True, slots=True)
class Profile:
    """Every part of the profile the pack can feed (``None`` when it cannot)."""

    interests: LikertPart | None = None
    aptitudes: LikertPart | None = None
    motivations: LikertPart | None = None
    values: ValuesPart | None = None
    skills: SkillsPart | None = None


def _of_kind(pack: Pack, exercise_id: str, kind: Kind) -> Exercise | None:
    exercise = pack.exercise(exercise_id)
    return exercise if exercise is not None and exercise.kind is kind else None


def _first(pack: Pack, kind: Kind) -> Exercise | None:
    return next((exercise for exercise in pack.exercises if exercise.kind is kind), None)


def interests_exercise(pack: Pack) -> Exercise | None:
    """The likert that gives a letter code: ``interets``, else the first fully lettered one."""
    found = _of_kind(pack, INTERESTS_ID, Kind.LIKERT)
    if found is not None:
        return found
    for exercise in pack.exercises:
        dims = exercise.dimensions
        if exercise.kind is Kind.LIKERT and dims and all(dim.letter for dim in dims):
            return exercise
    return None


def _tags(value: JSONValue) -> list[str]:
    raw = value.split(",") if isinstance(value, str) else value
    if not isinstance(raw, list):
        return []
    return [" ".join(text.split()) for text in raw if isinstance(text, str) and text.strip()]


def skill_names(item: GridItem) -> set[str]:
    """The normalised names a skill answers to.

    Its full text, the head of a "Head: explanation" text (the shipped list
    says "Teamwork: cooperating…", people write "teamwork"), the other names
    the pack gives it ("active listening"), and the tags it absorbed (a
    story's tag or an own item naming the same skill).
    """
    names = {tag_key(item.text), tag_key(item_head(item.text))}
    names.update(tag_key(name) for name in item.also)
    for alias in item.aliases:
        if (tag := TAG_ITEM_KEYS.name(alias)) is not None:
            names.add(tag)
        elif (label := CUSTOM_ITEM_KEYS.name(alias)) is not None:
            names.add(tag_key(label))
    names.discard("")
    return names


def match_feedback(
    items: list[RatedItem], entries: list[Entry], exercise: Exercise, field_id: str
) -> dict[str, tuple[Feedback, ...]]:
    """Per item key, the feedback entries whose strengths name the item."""
    found: dict[str, list[Feedback]] = {}
    names = [(rated.item.key, skill_names(rated.item)) for rated in items]
    for entry in entries:
        who = entry_title(entry, exercise, skip=field_id)
        for word in _tags(entry.values.get(field_id)):
            key = tag_key(word)
            for item_key, known in names:
                cited = found.setdefault(item_key, [])
                if key in known and all(proof.entry_id != entry.id for proof in cited):
                    cited.append(Feedback(entry.id, who, word))
    return {key: tuple(proofs) for key, proofs in found.items() if proofs}


def _feedback_source(pack: Pack) -> tuple[Exercise, str] | None:
    exercise = _of_kind(pack, FEEDBACK_ID, Kind.RECORDS)
    if exercise is None:
        return None
    if exercise.field(FEEDBACK_FIELD) is not None:
        return exercise, FEEDBACK_FIELD
    tags = next((f.id for f in exercise.fields if f.type is FieldType.TAGS), None)
    return (exercise, tags) if tags else None


def _skills(pack: Pack, read: AnswerReader) -> SkillsPart | None:
    exercise = _of_kind(pack, SKILLS_ID, Kind.GRID) or _first(pack, Kind.GRID)
    if exercise is None:
        return None
    source = pack.exercise(exercise.source.exercise) if exercise.source else None
    entries = read(source).entries() if source is not None else []
    result = score_grid(exercise, read(exercise), entries, source)
    feedback: dict[str, tuple[Feedback, ...]] = {}
    found = _feedback_source(pack)
    if found is not None:
        rated = [*result.assets, *result.to_develop, *result.to_let_go, *result.neutral]
        feedback_entries = read(found[0]).entries()
        feedback = match_feedback(rated, feedback_entries, found[0], found[1])
    return SkillsPart(exercise, result, feedback, source, found[0] if found else None)


def build_profile(pack: Pack, read: AnswerReader) -> Profile:
    """Score every part of the profile the pack can feed.

    Args:
        pack: The pack the workbook is answered with.
        read: Reads one exercise's stored answers.
    """

    def likert(exercise: Exercise | None) -> LikertPart | None:
        return (
            None
            if exercise is None
            else LikertPart(exercise, score_likert(exercise, read(exercise)))
        )

    values = _of_kind(pack, VALUES_ID, Kind.CARDSORT) or _first(pack, Kind.CARDSORT)
    return Profile(
        interests=likert(interests_exercise(pack)),
        aptitudes=likert(_of_kind(pack, APTITUDES_ID, Kind.LIKERT)),
        motivations=likert(_of_kind(pack, MOTIVATIONS_ID, Kind.LIKERT)),
        values=None if values is None else ValuesPart(values, sort_cards(values, read(values))),
        skills=_skills(pack, read),
    )
