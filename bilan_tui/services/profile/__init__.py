"""The person's profile, built from their answers: shared by the profile screen and the exports."""

from .model import (
    AnswerReader,
    Feedback,
    LikertPart,
    Profile,
    SkillsPart,
    ValuesPart,
    build_profile,
    interests_exercise,
    match_feedback,
    profile_of,
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
