"""The workbook as a document may see it: private answers removed before anything is computed.

A copy holds only the parts of the bilan chosen for its reader
(``export.contents``); the answers of the other parts are removed first, in
the same way and for the same reason.

Filtering at display time leaked: a grid drew its items from private tags,
cited private story titles as evidence, a matrix named its columns after
private leads. So an export never reads the workbook directly: ``render``
first passes it through :func:`shareable`, which removes every private answer
(``domain.privacy``) and what only exists because of one (a grid's rating of
a tag that is gone), then counts what it removed so the documents can say
"2 private answers are left out". Every section, present or future, that
reads an :class:`ExportSource` inherits the rule without doing anything.

Answers no pack describes any more (their field left the pack, or they belong
to a pack that is not installed) cannot be told private or not: they stay in
the person's own copies and are left out of copies for anyone else.
"""

from __future__ import annotations

import dataclasses

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.keys import RATING_KEYS, TAG_ITEM_KEYS
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.privacy import without_private
from bilan_tui.domain.scoring.grid import tag_item_key

from .applicable import applicable_only
from .contents import part_of
from .detail import orphans
from .options import ExportOptions
from .source import ExportSource


def _tag_keys(source_answers: ExerciseAnswers, field_id: str) -> set[str]:
    """Rating keys (``tag:…``) of the tags the stories still hold."""
    keys: set[str] = set()
    for entry in source_answers.entries():
        value = entry.values.get(field_id)
        tags = value.split(",") if isinstance(value, str) else value
        if isinstance(tags, list):
            keys.update(tag_item_key(tag) for tag in tags if isinstance(tag, str) and tag.strip())
    return keys


def _drop_lost_tags(
    exercise: Exercise, answers: ExerciseAnswers, kept: dict[str, ExerciseAnswers]
) -> ExerciseAnswers:
    """A grid's answers without the ratings of tags that only private answers held.

    A rating is stored under the tag's name (``rating:tag:<name>``): once the
    tag is gone, its name must not travel in the key either.
    """
    if exercise.kind is not Kind.GRID or exercise.source is None:
        return answers
    origin = kept.get(exercise.source.exercise)
    present = _tag_keys(origin, exercise.source.field) if origin is not None else set()
    lost = [
        key
        for key in answers.values
        if (item := RATING_KEYS.name(key[0])) is not None
        and TAG_ITEM_KEYS.owns(item)
        and item not in present
    ]
    if not lost:
        return answers
    trimmed = ExerciseAnswers(answers.pack_id, answers.exercise_id, dict(answers.values))
    for key in lost:
        del trimmed.values[key]
    return trimmed


def _without_orphans(source: ExportSource) -> tuple[dict[str, ExerciseAnswers], int]:
    """The answers without those no pack describes any more, and how many there were."""
    found = orphans(source)
    answers = dict(source.answers)
    count = 0
    for exercise_id, values in found.items():
        current = answers[exercise_id]
        trimmed = ExerciseAnswers(current.pack_id, current.exercise_id, dict(current.values))
        for field_id, entry_id, _value in values:
            trimmed.values.pop((field_id, entry_id), None)
            count += 1
        answers[exercise_id] = trimmed
    return answers, count


def _chosen(source: ExportSource, options: ExportOptions) -> ExportSource:
    """The snapshot cut down to the parts the document holds (``export.contents``)."""
    parts = options.parts
    # Even a whole copy loses the evaluation, which only its own export holds.
    run = "arrangements" in parts
    return dataclasses.replace(
        source,
        answers={ref: found for ref, found in source.answers.items() if part_of(ref) in parts},
        other_answers=source.other_answers if "extra" in parts else (),
        ledger=source.ledger if run else (),
        consents=source.consents if run else (),
        journal=source.journal if run else (),
    )


def shareable(source: ExportSource, options: ExportOptions) -> ExportSource:
    """The snapshot a document for ``options`` may read.

    Answers to questions that do not apply (``applicable_only``) are never
    kept. Only the parts the document holds are kept; then private answers are
    removed unless the person included them, and answers whose privacy
    cannot be told are removed from copies for someone else.
    """
    if source.filtered:
        return source
    source = _chosen(applicable_only(source), options)
    if options.include_private:
        return dataclasses.replace(source, filtered=True)
    answers = dict(source.answers)
    withheld_orphans = 0
    other_answers = source.other_answers
    if options.for_someone_else:
        answers, withheld_orphans = _without_orphans(source)
        other_answers = ()
    kept: dict[str, ExerciseAnswers] = {}
    withheld: dict[str, int] = {}
    for ref, found in answers.items():
        exercise = source.pack.exercise(ref)
        if exercise is None:
            kept[ref] = found
            continue
        filtered = without_private(exercise, found)
        kept[ref] = filtered.answers
        if filtered.withheld:
            withheld[ref] = filtered.withheld
    for ref, found in kept.items():
        exercise = source.pack.exercise(ref)
        if exercise is not None:
            kept[ref] = _drop_lost_tags(exercise, found, kept)
    return dataclasses.replace(
        source,
        answers=kept,
        other_answers=other_answers,
        withheld=withheld,
        withheld_orphans=withheld_orphans,
        filtered=True,
    )
