"""Helpers shared by the demo's tests (their fixtures live in ``conftest.py``)."""

from __future__ import annotations

import datetime

from bilan_tui.domain.answers import ExerciseAnswers, JSONValue
from bilan_tui.domain.model import Pack
from bilan_tui.services.demo.script import DemoScript

REFERENCE = datetime.date(2026, 3, 16)
LANGUAGES = ("fr", "en")


def answers_of(pack: Pack, script: DemoScript, exercise_id: str) -> ExerciseAnswers:
    return ExerciseAnswers.from_answers(pack.id, exercise_id, script.answers)


def value_of(pack: Pack, script: DemoScript, exercise_id: str, field_id: str) -> JSONValue:
    return answers_of(pack, script, exercise_id).get(field_id)
