"""The demo's appointments and deadlines fall on working days, whatever day it is built.

Its dates are computed from the day it is built: without care they land on
Sundays and on Christmas Day. Sessions with the consultant, interviews,
deadlines and the follow-up are snapped to the next working day.
"""

from __future__ import annotations

import datetime

import pytest

from bilan_tui.domain.holidays import easter, is_working_day, next_working_day, public_holidays
from bilan_tui.domain.parts import FieldType
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.demo.script import demo_script


def test_easter_and_the_moving_holidays() -> None:
    assert [easter(year) for year in (2024, 2025, 2026, 2038)] == [
        datetime.date(2024, 3, 31),
        datetime.date(2025, 4, 20),
        datetime.date(2026, 4, 5),
        datetime.date(2038, 4, 25),
    ]
    holidays = public_holidays(2025)
    assert len(holidays) == 11
    assert datetime.date(2025, 5, 29) in holidays  # Ascension Day
    assert datetime.date(2025, 6, 9) in holidays  # Whit Monday
    assert next_working_day(datetime.date(2026, 12, 25)) == datetime.date(2026, 12, 28)
    assert next_working_day(datetime.date(2025, 4, 19)) == datetime.date(2025, 4, 22)
    assert is_working_day(datetime.date(2025, 3, 14))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_appointment_and_deadline_of_the_demo_is_a_working_day(language: str) -> None:
    pack = load_shipped_pack(language)
    date_fields = {
        (exercise.id, field.id)
        for exercise in pack.exercises
        for field in exercise.fields
        if field.type is FieldType.DATE
    }
    first = datetime.date(2026, 11, 1)
    for offset in range(0, 400, 3):  # every weekday and season, Christmas and Easter included
        reference = first + datetime.timedelta(days=offset)
        script = demo_script(pack, reference)
        sessions = [e.date for e in script.ledger if e.kind == "accompagnement"]
        assert all(is_working_day(day) for day in sessions), reference
        assert len(set(sessions)) == len(sessions), f"two sessions on one day ({reference})"
        assert max(sessions) <= reference
        dates = [
            datetime.date.fromisoformat(str(answer.value))
            for answer in script.answers
            if (answer.key.exercise_id, answer.key.field_id) in date_fields
        ]
        assert dates and all(is_working_day(day) for day in dates), reference
        span = {
            answer.key.field_id: datetime.date.fromisoformat(str(answer.value))
            for answer in script.answers
            if answer.key.exercise_id == "modalites"
            and answer.key.field_id in ("date_debut", "date_fin")
        }
        assert (min(sessions), max(sessions)) == (span["date_debut"], span["date_fin"]), reference
