"""The person's profile, built from their answers: shared by the profile screen and the exports.

The figures are pure and live in ``domain.profile`` (the exports import the
domain only); this package adds what needs the session and the interface's
sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan_tui.domain.profile import (
    AnswerReader,
    Feedback,
    LikertPart,
    Profile,
    SkillsPart,
    ValuesPart,
    build_profile,
    interests_exercise,
    match_feedback,
    skill_names,
)

from .text import bar, empty_hints, interests_sentences, top_sentence, top_titles

__all__ = [
    "AnswerReader",
    "Feedback",
    "LikertPart",
    "Profile",
    "SkillsPart",
    "ValuesPart",
    "bar",
    "build_profile",
    "empty_hints",
    "interests_exercise",
    "interests_sentences",
    "match_feedback",
    "profile_of",
    "skill_names",
    "top_sentence",
    "top_titles",
]


if TYPE_CHECKING:
    from bilan_tui.services.session import WorkbookSession


def profile_of(session: WorkbookSession) -> Profile:
    """The profile of an open workbook."""
    return build_profile(session.pack, session.exercise_answers)
