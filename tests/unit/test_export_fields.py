"""Every (exercise, field) the documents read exists in the shipped pack, French and English.

The synthesis and the other documents ask for shipped field ids by name
(``reader.text("en_deux_phrases")``); a typo there returns nothing and the
line silently disappears. Every read (of an exercise's answers or of a record
entry's values) is recorded while the demo (complete)
and a blank workbook are written in every scope, then looked up in both
shipped packs. ``tests/conftest.py`` also makes a shipped exercise asked for
a field it lacks raise (``export.values.STRICT_FIELDS``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bilan_tui.domain.answers import CUSTOM_ITEMS, RANK, Entry, ExerciseAnswers, JSONValue
from bilan_tui.domain.model import Kind, Pack
from bilan_tui.domain.parts import Field
from bilan_tui.export.api import render
from bilan_tui.export.options import SCOPES, ExportOptions
from bilan_tui.export.source import ExportSource
from bilan_tui.export.values import STRICT_FIELDS, Reader, UnknownField
from bilan_tui.packs import load_shipped_pack

from .demo_helpers import LANGUAGES
from .export_helpers import demo_source

Read = tuple[str, str]

KIND_FIELDS = {CUSTOM_ITEMS: Kind.GRID, RANK: Kind.CARDSORT}
"""Field ids a kind stores by itself (the person's own grid items, the card ranking)."""


def _exists(pack: Pack, exercise_id: str, field_id: str) -> bool:
    """Whether the pack's exercise declares the field, or its kind stores it."""
    exercise = pack.exercise(exercise_id)
    if exercise is None:
        return False
    return exercise.field(field_id) is not None or KIND_FIELDS.get(field_id) is exercise.kind


class _RecordingValues(dict[str, JSONValue]):
    """A record entry's values that note every field id asked of them."""

    def __init__(self, values: dict[str, JSONValue], exercise_id: str, reads: set[Read]) -> None:
        super().__init__(values)
        self.exercise_id = exercise_id
        self.reads = reads

    def get(self, field_id: str, default: JSONValue = None) -> JSONValue:  # type: ignore[override]
        self.reads.add((self.exercise_id, field_id))
        return super().get(field_id, default)

    def __getitem__(self, field_id: str) -> JSONValue:
        self.reads.add((self.exercise_id, field_id))
        return super().__getitem__(field_id)


class _Recording(ExerciseAnswers):
    """Answers that note every field id asked of them, their entries' included."""

    reads: set[Read]

    def get(self, field_id: str, entry_id: str = "") -> JSONValue:
        self.reads.add((self.exercise_id, field_id))
        return super().get(field_id, entry_id)

    def entries(self) -> list[Entry]:
        return [
            Entry(
                entry.id,
                entry.position,
                _RecordingValues(entry.values, self.exercise_id, self.reads),
            )
            for entry in super().entries()
        ]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[Read]]:
    """The (exercise id, field id) pairs the documents ask for, through a reader or directly."""
    found: set[Read] = set()
    field = Reader.field
    answers_of = ExportSource.exercise_answers

    def recorded_field(self: Reader, field_id: str) -> Field | None:
        found.add((self.answers.exercise_id, field_id))
        return field(self, field_id)

    def recorded_answers(self: ExportSource, exercise_id: str) -> ExerciseAnswers:
        plain = answers_of(self, exercise_id)
        recording = _Recording(plain.pack_id, plain.exercise_id, plain.values)
        recording.reads = found
        return recording

    monkeypatch.setattr(Reader, "field", recorded_field)
    monkeypatch.setattr(ExportSource, "exercise_answers", recorded_answers)
    yield found


def _write_everything(source: ExportSource) -> None:
    for scope in SCOPES:
        if scope == "homework":
            continue  # a consultant's assignment: it names its own exercises
        for format_ in ("md", "json"):
            render(source, ExportOptions(scope=scope, format=format_, include_private=True))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_the_documents_read_is_in_both_shipped_packs(
    language: str, reads: set[Read]
) -> None:
    demo = demo_source(language)
    _write_everything(demo)
    _write_everything(ExportSource(pack=demo.pack, language=language, name=""))
    named = {(exercise, field) for exercise, field in reads if ":" not in field}
    assert len(named) > 50, "the recording saw the documents read"
    packs: list[Pack] = [load_shipped_pack(other) for other in LANGUAGES]
    missing = sorted(
        (pack.language, exercise_id, field_id)
        for pack in packs
        for exercise_id, field_id in named
        if not _exists(pack, exercise_id, field_id)
    )
    assert missing == [], missing


def test_a_typo_in_a_shipped_field_id_is_loud() -> None:
    pack = load_shipped_pack("en")
    source = ExportSource(pack=pack, language="en", name="")
    from bilan_tui.export.synthese_context import Synthesis

    synthesis = Synthesis.start(source, ExportOptions())
    assert STRICT_FIELDS.get() == {pack.id}
    with pytest.raises(UnknownField, match="projet: no field 'en_deux_phrase'"):
        synthesis.reader("projet").text("en_deux_phrase")
    token = STRICT_FIELDS.set(frozenset())
    try:
        assert synthesis.reader("projet").text("en_deux_phrase") is None, "quiet for the person"
    finally:
        STRICT_FIELDS.reset(token)
