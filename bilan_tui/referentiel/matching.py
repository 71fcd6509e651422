"""Holland matching: how close a fiche's official code is to the person's interests.

The index is Brown and Gore's C index (Brown, S. D., & Gore, P. A., 1994,
"An evaluation of interest congruence indices: Distribution characteristics
and measurement properties", *Journal of Vocational Behavior*, 45, 310–327),
built on Holland's hexagon (Holland, 1997, *Making Vocational Choices*, 3rd ed.:
R-I-A-S-E-C, neighbours alike, opposites unlike). The original compares two
three-letter codes position by position; a ROME fiche has two letters
(``riasec_majeur``, ``riasec_mineur``), so here it keeps the first two
positions and their weights::

    C = 3 · s(p1, f1) + 2 · s(p2, f2)        (0 to 15, higher is closer)

where ``p1 p2`` are the person's two highest types, ``f1 f2`` the fiche's major
and minor, and ``s`` is 3 for the same type, 2 for neighbours on the hexagon,
1 for types one apart, 0 for opposites. A fiche with only a major type is read
as that type twice (``f2 = f1``): a pure social fiche is closer to an S-I
person (3·3 + 2·1 = 11) than an S-E fiche is (3·3 + 2·0 = 9) but less close
than an S-I fiche (15).

Her code comes from her scores (0–100 per letter, the ``interets`` likert).
Scores within :data:`NEAR_TIE_MARGIN` points of each other are a near-tie:
the order between them is not something the questionnaire can tell. Every
reading of her code that such ties allow is scored, each fiche keeps its best
reading, and a fiche that owes its place to a reading other than her main one
is flagged ``near_tie`` and its reason says so: shown, never hidden.

Equal indexes are ordered by the centres d'intérêt she chose (a fiche in one of
them first), then by her own scores on the fiche's letters (two thirds major,
one third minor), then in the order given (the reader gives the fiches by
title). A suggestion is a lead to explore, never a verdict: the reason says
what coincides, not what she should do.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from bilan_tui.domain.scoring.likert import NEAR_TIE_MARGIN
from bilan_tui.i18n import _

from .messages import type_name
from .model import FicheRef, Suggestion

HEXAGON = "RIASEC"

WEIGHTS = (3, 2)
"""Brown and Gore's weights for the first and second positions."""

MAX_INDEX = 3 * WEIGHTS[0] + 3 * WEIGHTS[1]


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two types around the hexagon: 0 same, 1 neighbours, 3 opposite."""
    step = abs(HEXAGON.index(a) - HEXAGON.index(b))
    return min(step, 6 - step)


def similarity(a: str, b: str) -> int:
    """Brown and Gore's per-position score: 3 same, 2 neighbours, 1 one apart, 0 opposite."""
    return 3 - hexagon_distance(a, b)


def congruence(person: tuple[str, str], fiche: tuple[str, str]) -> int:
    """The C index (0–15) of a two-letter reading of her code and a fiche's code."""
    major, minor = fiche[0], fiche[1] or fiche[0]
    return WEIGHTS[0] * similarity(person[0], major) + WEIGHTS[1] * similarity(person[1], minor)


@dataclass(frozen=True, slots=True)
class Readings:
    """Her code read from her scores.

    Attributes:
        main: Her two highest types, ties broken in hexagon order.
        alternatives: Other two-letter readings her near-ties allow.
    """

    main: tuple[str, str]
    alternatives: tuple[tuple[str, str], ...]


def readings(scores: Mapping[str, float], margin: float = NEAR_TIE_MARGIN) -> Readings | None:
    """Her main two-letter code and the readings near-ties allow; ``None`` without scores.

    A letter may come first if its score is within ``margin`` of the best; for
    each such first letter, a letter may come second if it is within ``margin``
    of the best remaining one.
    """
    known = {letter: float(value) for letter, value in scores.items() if letter in HEXAGON}
    if not known:
        return None
    order = sorted(known, key=lambda letter: (-known[letter], HEXAGON.index(letter)))
    if len(order) == 1:
        return Readings((order[0], order[0]), ())
    main = (order[0], order[1])
    found: list[tuple[str, str]] = []
    for first in order:
        if known[first] < known[order[0]] - margin:
            break
        rest = [letter for letter in order if letter != first]
        for second in rest:
            if known[second] < known[rest[0]] - margin:
                break
            if (first, second) != main and (first, second) not in found:
                found.append((first, second))
    return Readings(main, tuple(found))


def _relation(a: str, b: str) -> str:
    return (
        _("the same as"),
        _("next to"),
        _("one step away from"),
        _("opposite"),
    )[hexagon_distance(a, b)]


def reason(person: tuple[str, str], fiche: FicheRef) -> str:
    """One sentence saying what her reading of her code and the fiche have in common."""
    p1, p2 = (type_name(letter) for letter in person)
    f1 = fiche.riasec_major
    f2 = fiche.riasec_minor
    if f1 == person[0] and f2 == person[1]:
        return _("Your first two types, {first} and {second}, are those of this fiche.").format(
            first=p1, second=p2
        )
    if f1 == person[0] and not f2:
        return _("Your main type, {first}, is the only type given for this fiche.").format(first=p1)
    if f1 == person[1] and f2 == person[0]:
        return _(
            "This fiche combines your first two types, {first} and {second}, with {second} first."
        ).format(first=p1, second=p2)
    if f1 == person[0]:
        return _(
            "Your main type, {first}, leads this fiche; its second type, {other}, "
            "sits {relation} your second, {second}, on Holland's hexagon."
        ).format(first=p1, other=type_name(f2), relation=_relation(f2, person[1]), second=p2)
    if f1 == person[1]:
        return _(
            "This fiche is led by your second type, {second}, which sits {relation} "
            "your main type, {first}, on Holland's hexagon."
        ).format(second=p2, relation=_relation(person[1], person[0]), first=p1)
    return _(
        "This fiche's main type, {major}, sits {relation} your main type, {first}, "
        "on Holland's hexagon."
    ).format(major=type_name(f1), relation=_relation(f1, person[0]), first=p1)


def near_tie_note(main: tuple[str, str], used: tuple[str, str]) -> str:
    """The sentence added when a fiche owes its place to another reading of her code."""
    swapped = [letter for letter in used if letter not in main] + [
        letter for letter in main if letter not in used
    ]
    pair = swapped if len(swapped) == 2 else [main[0], main[1]]
    return _(
        "Your scores for {a} and {b} are almost equal: it is by reading your code "
        "in the other order that this fiche comes this close."
    ).format(a=type_name(pair[0]), b=type_name(pair[1]))


def rank(
    scores: Mapping[str, float],
    fiches: Iterable[FicheRef],
    *,
    favoured: Collection[str] = (),
    limit: int = 20,
    margin: float = NEAR_TIE_MARGIN,
) -> list[Suggestion]:
    """The fiches closest to her scores, best first (see the module's docstring).

    Args:
        scores: Her score per letter (0–100); letters without a score are left out.
        fiches: Candidate fiches, by title; those without a Holland code are skipped.
        favoured: Codes of fiches in the centres d'intérêt she chose.
        limit: How many suggestions to return.
        margin: The near-tie margin, in score points.
    """
    read = readings(scores, margin)
    if read is None:
        return []
    favoured = frozenset(favoured)
    best_of: dict[tuple[str, str], tuple[int, tuple[str, str]]] = {}
    scored: list[_Scored] = []
    for position, fiche in enumerate(fiches):
        major, minor = fiche.riasec_major, fiche.riasec_minor or fiche.riasec_major
        if not major or major not in HEXAGON or minor not in HEXAGON:
            continue
        code = (major, minor)
        found = best_of.get(code)
        if found is None:  # 36 possible codes: each is scored once per ranking
            found = best_of[code] = _best_reading(read, code)
        best, used = found
        affinity = (2 * scores.get(major, 0.0) + scores.get(minor, 0.0)) / 3
        key = (-best, -int(fiche.code in favoured), -affinity, position)
        scored.append(_Scored(key, fiche, best, used, used != read.main))
    scored.sort(key=lambda item: item.key)
    chosen = _with_near_ties(scored, max(0, limit))
    return [_suggestion(item, read.main) for item in chosen]


def _best_reading(read: Readings, code: tuple[str, str]) -> tuple[int, tuple[str, str]]:
    """The highest index a fiche's code reaches over her readings, and that reading."""
    best, used = congruence(read.main, code), read.main
    for other in read.alternatives:
        index = congruence(other, code)
        if index > best:
            best, used = index, other
    return best, used


class _Scored(NamedTuple):
    """A fiche's place before its reason is written (only the chosen ones get one).

    Attributes:
        key: The sort key: index, chosen centre, her scores on its letters, position.
        fiche: The fiche.
        score: Its best index over the readings of her code.
        used: The reading that gives ``score``.
        near_tie: Whether ``used`` is not her main reading.
    """

    key: tuple[int, int, float, int]
    fiche: FicheRef
    score: int
    used: tuple[str, str]
    near_tie: bool


def _suggestion(item: _Scored, main: tuple[str, str]) -> Suggestion:
    text = reason(main, item.fiche)
    if item.near_tie:
        text += " " + near_tie_note(main, item.used)
    return Suggestion(item.fiche, float(item.score), text, item.near_tie)


def _with_near_ties(ranked: list[_Scored], limit: int) -> list[_Scored]:
    """The first ``limit`` fiches, keeping room for near-ties that score as high.

    When many fiches share her main reading (dozens of S-I fiches), those that
    only an equally likely reading brings forward would all fall past the
    limit. Up to a quarter of the places (at least one) go to the best of them
    when their index equals the last place's: a near-tie is shown, never hidden.
    """
    top = ranked[:limit]
    if not top:
        return top
    floor = top[-1].score
    waiting = [item for item in ranked[limit:] if item.near_tie and item.score >= floor]
    room = max(1, limit // 4) - sum(item.near_tie for item in top)
    if room <= 0 or not waiting:
        return top
    brought = waiting[:room]
    return sorted([*top[: limit - len(brought)], *brought], key=lambda item: item.key)
