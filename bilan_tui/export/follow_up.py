"""The follow-up report (``--scope suivi``): six months on, what came of the bilan.

Short by design: the day of the interview, each step of the action plan with
its state and why, her satisfaction in each area of ``situation`` beside
the one she gave at the start, what changed, what she decides now, and how
useful the bilan proved. Read from the ``entretien-suivi`` exercise, the
action plan and ``situation``; private ratings stay out unless she includes
them, like everywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bilan_tui.domain.answers import JSONValue

from .common import confidentiality, title_block
from .doc import Doc
from .options import ExportOptions
from .source import ExportSource
from .values import Reader
from .wording import Wording

INTERVIEW = "entretien-suivi"
PLAN = "plan-action"
START = "situation"
RATING_PREFIX = "satisfaction_"
STATES = ("fait", "en-cours", "modifie", "abandonne", "a-faire")
"""Plan step states, in the order the report counts them."""


def _reader(source: ExportSource, options: ExportOptions, exercise_id: str) -> Reader:
    return Reader(
        source.pack.exercise(exercise_id),
        source.exercise_answers(exercise_id),
        Wording(source.language),
        options.include_private,
    )


def _number(value: JSONValue) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value)


def rating_rows(
    source: ExportSource, options: ExportOptions
) -> list[tuple[str, int | None, int | None]]:
    """Each area of ``situation``: its field id, the rating at the start and today."""
    start = _reader(source, options, START)
    now = _reader(source, options, INTERVIEW)
    exercise = source.pack.exercise(START)
    if exercise is None:
        return []
    rows = []
    for field in exercise.fields:
        if not field.id.startswith(RATING_PREFIX):
            continue
        before, after = _number(start.raw(field.id)), _number(now.raw(field.id))
        if before is None and after is None:
            continue
        rows.append((field.id, before, after))
    return rows


def _steps(source: ExportSource, options: ExportOptions) -> list[dict[str, Any]]:
    """The action plan's steps by deadline: action, deadline, state id and text, why."""
    reader = _reader(source, options, PLAN)

    def deadline(values: Mapping[str, object]) -> str:
        value = values.get("echeance")
        return value if isinstance(value, str) and value else "9999"

    steps = []
    for entry in sorted(source.entries(PLAN), key=lambda entry: deadline(entry.values)):
        values = entry.values
        action = reader.entry_text(values, "action")
        if not action:
            continue
        state, due = values.get("statut"), values.get("echeance")
        steps.append(
            {
                "action": action,
                "deadline": due if isinstance(due, str) else None,
                "deadline_text": reader.entry_text(values, "echeance"),
                "state": state if isinstance(state, str) else None,
                "state_text": reader.entry_text(values, "statut"),
                "why": reader.entry_text(values, "statut_pourquoi"),
            }
        )
    return steps


def _area(words: Wording, field_id: str, field: object) -> str:
    """An area's short name; a consultant's own rating goes by its question."""
    try:
        return words("area_" + field_id.removeprefix(RATING_PREFIX))
    except KeyError:
        return str(getattr(field, "label", field_id))


def _change(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return "—"
    if after == before:
        return "="
    return f"+{after - before}" if after > before else f"−{before - after}"


def follow_up_markdown(source: ExportSource, options: ExportOptions) -> str:
    """The follow-up report as Markdown."""
    words = Wording(source.language)
    doc = Doc(words.colon())
    title_block(doc, words("follow_up_report_title"), source, options)
    interview = _reader(source, options, INTERVIEW)
    planned = _reader(source, options, "suivi").text("date_suivi")
    held = interview.text("date_entretien")
    if held:
        doc.para(words("follow_up_held_on", date=held))
    else:
        doc.note(words("follow_up_not_recorded", date=planned or "—"))
    doc.para(words("follow_up_report_intro"))

    doc.heading(2, words("follow_up_plan"))
    steps = _steps(source, options)
    if steps:
        counts = {state: sum(1 for step in steps if step["state"] == state) for state in STATES}
        said = [
            words("follow_up_n_" + state.replace("-", "_"), count=n)
            for state, n in counts.items()
            if n
        ]
        if said:
            doc.para(words("and_then").join(said) + ".")
        doc.table(
            [words("step"), words("deadline"), words("state"), words("follow_up_why")],
            [
                [
                    step["action"],
                    step["deadline_text"] or "—",
                    step["state_text"] or "—",
                    step["why"] or "—",
                ]
                for step in steps
            ],
        )
    else:
        doc.note(words("follow_up_no_plan"))

    doc.heading(2, words("follow_up_situation"))
    rows = rating_rows(source, options)
    situation = source.pack.exercise(START)
    if rows and situation is not None:
        doc.para(words("follow_up_situation_intro"))
        table = []
        for field_id, before, after in rows:
            area = _area(words, field_id, situation.field(field_id))
            table.append(
                [
                    area,
                    "—" if before is None else str(before),
                    "—" if after is None else str(after),
                    _change(before, after),
                ]
            )
        doc.table(
            [
                words("follow_up_area"),
                words("follow_up_start"),
                words("follow_up_now"),
                words("follow_up_change"),
            ],
            table,
        )
    else:
        doc.note(words("follow_up_no_ratings"))

    for key, field_id in (
        ("follow_up_changes", "changements"),
        ("follow_up_decisions", "decisions"),
    ):
        text = interview.text(field_id)
        if text:
            doc.heading(2, words(key))
            doc.para(text)
    useful = _number(interview.raw("utilite"))
    why = interview.text("utilite_pourquoi")
    if useful is not None or why:
        doc.heading(2, words("follow_up_usefulness"))
        if useful is not None:
            doc.para(words("follow_up_useful_score", score=useful))
        doc.para(why or "")
    confidentiality(doc, source, options, 2)
    return doc.text()


def follow_up_json(source: ExportSource, options: ExportOptions) -> dict[str, Any]:
    """The same report as data, for the JSON export."""
    interview = source.exercise_answers(INTERVIEW)
    reader = _reader(source, options, INTERVIEW)
    start = _reader(source, options, "suivi")
    return {
        "planned_on": start.raw("date_suivi"),
        "held_on": reader.raw("date_entretien"),
        "recorded": interview.has_any(),
        "plan": [
            {key: step[key] for key in ("action", "deadline", "state", "why")}
            for step in _steps(source, options)
        ],
        "situation": [
            {"area": field_id.removeprefix(RATING_PREFIX), "start": before, "now": after}
            for field_id, before, after in rating_rows(source, options)
        ],
        "changes": reader.text("changements"),
        "decisions": reader.text("decisions"),
        "usefulness": _number(reader.raw("utilite")),
        "usefulness_why": reader.text("utilite_pourquoi"),
    }
