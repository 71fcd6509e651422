"""What a person types into the hours ledger: durations, dates, whole entries."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain.ledger import (
    MAX_ENTRY_MINUTES,
    LedgerInputError,
    format_duration,
    parse_date,
    parse_duration,
    validate_entry,
)

TODAY = datetime.date(2026, 3, 10)
minutes_in_a_day = st.integers(min_value=1, max_value=MAX_ENTRY_MINUTES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1h30", 90),
        ("1h", 60),
        ("90m", 90),
        ("90", 90),
        ("1.5h", 90),
        ("1,5h", 90),
        ("1:30", 90),
        ("2 h 15", 135),
        ("45 min", 45),
        ("  1H30  ", 90),
        ("9 h 05", 545),
        ("9h 30m", 570),
        ("1 h 30 min", 90),
        ("2 heures", 120),
        ("0,25 h", 15),
        ("24h", 1440),
        ("24:00", 1440),
        ("1\u00a0h\u00a030", 90),  # French typography: non-breaking spaces
    ],
)
def test_accepted_durations(text: str, expected: int) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "duration.empty"),
        ("   ", "duration.empty"),
        ("0", "duration.zero"),
        ("0h", "duration.zero"),
        ("0:00", "duration.zero"),
        ("-1h", "duration.negative"),
        ("−30m", "duration.negative"),
        ("24h01", "duration.too_long"),
        ("25h", "duration.too_long"),
        ("1441", "duration.too_long"),
        ("abc", "duration.invalid"),
        ("1h75", "duration.invalid"),
        ("1:5", "duration.invalid"),
        ("1.5", "duration.invalid"),
        ("1.5h30", "duration.invalid"),
        ("h30", "duration.invalid"),
        ("1 30", "duration.invalid"),
        ("9" * 5000, "duration.invalid"),
    ],
)
def test_refused_durations_have_a_code(text: str, code: str) -> None:
    with pytest.raises(LedgerInputError) as caught:
        parse_duration(text)
    assert caught.value.code == code
    message = str(caught.value)
    assert message and "\n" not in message


def test_unreadable_duration_quotes_the_input_safely() -> None:
    with pytest.raises(LedgerInputError) as caught:
        parse_duration("deux\x1b[31mheures\n")
    assert caught.value.params["text"] == "deux[31mheures"
    assert "\x1b" not in str(caught.value)


def test_too_long_duration_reports_the_limit() -> None:
    with pytest.raises(LedgerInputError) as caught:
        parse_duration("30h")
    assert caught.value.params == {"minutes": 1800, "max_minutes": 1440, "text": "30h"}


@pytest.mark.parametrize(
    ("minutes", "french", "english"),
    [
        (45, "45 min", "45m"),
        (180, "3 h", "3h"),
        (570, "9 h 30", "9h 30m"),
        (545, "9 h 05", "9h 5m"),
        (0, "0 min", "0m"),
    ],
)
def test_format_duration(minutes: int, french: str, english: str) -> None:
    assert format_duration(minutes, "fr") == french
    assert format_duration(minutes, "en") == english


def test_format_refuses_negative() -> None:
    with pytest.raises(ValueError):
        format_duration(-1, "fr")


@given(minutes=minutes_in_a_day, lang=st.sampled_from(["fr", "en", "fr_FR", "en_GB"]))
def test_format_then_parse_round_trips(minutes: int, lang: str) -> None:
    assert parse_duration(format_duration(minutes, lang)) == minutes


@given(minutes=minutes_in_a_day)
def test_common_written_forms_parse_back(minutes: int) -> None:
    hours, rest = divmod(minutes, 60)
    assert parse_duration(f"{hours}h {rest:02d}m") == minutes
    assert parse_duration(f"{hours}:{rest:02d}") == minutes
    assert parse_duration(f"{minutes}m") == minutes


@given(text=st.text(max_size=60))
def test_garbage_only_ever_raises_ledger_input_error(text: str) -> None:
    try:
        minutes = parse_duration(text)
    except LedgerInputError as error:
        assert error.code.startswith("duration.")
        assert "\n" not in str(error)
    else:
        assert 1 <= minutes <= MAX_ENTRY_MINUTES


@given(text=st.from_regex(r"[0-9 :.,hm-]{1,12}", fullmatch=True))
def test_near_miss_input_only_ever_raises_ledger_input_error(text: str) -> None:
    try:
        minutes = parse_duration(text)
    except LedgerInputError:
        return
    assert 1 <= minutes <= MAX_ENTRY_MINUTES


def test_parse_date_accepts_iso_days_up_to_today() -> None:
    assert parse_date(" 2026-03-10 ", TODAY) == TODAY
    assert parse_date("2025-12-31", TODAY) == datetime.date(2025, 12, 31)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "date.empty"),
        ("10 mars 2026", "date.format"),
        ("2026/03/01", "date.format"),
        ("31/04/2026", "date.impossible"),
        ("01/01/1899", "date.range"),
        ("20260301", "date.format"),
        ("2026-03-01T10:00", "date.format"),
        ("2026-02-30", "date.impossible"),
        ("2026-13-01", "date.impossible"),
        ("2026-03-11", "date.future"),
    ],
)
def test_parse_date_refusals(text: str, code: str) -> None:
    with pytest.raises(LedgerInputError) as caught:
        parse_date(text, TODAY)
    assert caught.value.code == code


def test_future_date_names_both_days() -> None:
    with pytest.raises(LedgerInputError) as caught:
        parse_date("2027-01-01", TODAY)
    assert caught.value.params == {"date": "2027-01-01", "today": "2026-03-10"}


def test_validate_entry_from_typed_text() -> None:
    entry = validate_entry(
        day="2026-03-02",
        duration="1h30",
        phase="investigation",
        kind="accompagnement",
        note="  entretien 3  ",
        today=TODAY,
    )
    assert entry.date == datetime.date(2026, 3, 2)
    assert entry.minutes == 90
    assert (entry.phase, entry.kind, entry.source) == ("investigation", "accompagnement", "manual")
    assert entry.note == "entretien 3"
    assert entry.id is None


def test_validate_entry_from_parsed_values_keeps_auto_fields() -> None:
    entry = validate_entry(
        day=datetime.date(2026, 3, 9),
        duration=25,
        phase="conclusions",
        kind="personnel",
        source="auto",
        exercise_id="projet",
        entry_id=7,
        today=TODAY,
    )
    assert (entry.minutes, entry.source, entry.exercise_id, entry.id) == (25, "auto", "projet", 7)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"phase": "synthese"}, "entry.phase"),
        ({"kind": "coaching"}, "entry.kind"),
        ({"source": "import"}, "entry.source"),
        ({"duration": 0}, "duration.zero"),
        ({"duration": -15}, "duration.negative"),
        ({"duration": 1500}, "duration.too_long"),
        ({"day": datetime.date(2026, 4, 1)}, "date.future"),
        ({"day": "2026-02-29"}, "date.impossible"),
    ],
)
def test_validate_entry_refusals(changes: dict[str, object], code: str) -> None:
    fields: dict[str, object] = {
        "day": "2026-03-02",
        "duration": "1h",
        "phase": "preliminaire",
        "kind": "personnel",
        "today": TODAY,
    }
    fields.update(changes)
    with pytest.raises(LedgerInputError) as caught:
        validate_entry(**fields)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_unknown_phase_lists_the_valid_ones() -> None:
    with pytest.raises(LedgerInputError) as caught:
        validate_entry(day=TODAY, duration=30, phase="bilan", kind="personnel", today=TODAY)
    assert caught.value.params["allowed"] == "preliminaire, investigation, conclusions"
    assert "preliminaire, investigation, conclusions" in str(caught.value)


@pytest.mark.parametrize(
    "text", ["10/03/2026", "10.03.2026", "10-03-2026", "10 / 3 / 2026", "2026-03-10", "2026-3-10"]
)
def test_parse_date_reads_the_ways_people_write_a_day(text: str) -> None:
    assert parse_date(text, TODAY) == datetime.date(2026, 3, 10)


@pytest.mark.parametrize("phase", ["préliminaire", "Préliminaire", " PRELIMINAIRE "])
def test_a_phase_typed_with_its_accent_is_the_phase(phase: str) -> None:
    entry = validate_entry(
        day="2026-03-02", duration="1h", phase=phase, kind="accompagnement", today=TODAY
    )
    assert entry.phase == "preliminaire"
