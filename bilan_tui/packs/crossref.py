"""Checks that span exercises: a ``source`` must name a records exercise and its field."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.parts import FieldType
from bilan_tui.i18n import _

from .source import FileReport


def check_sources(
    located: Sequence[tuple[Exercise, FileReport]],
    by_id: Mapping[str, Exercise],
    listed: Collection[str],
) -> None:
    """Report every ``source`` that points nowhere useful.

    Args:
        located: Each exercise that could be read, with its file's report.
        by_id: The same exercises by the id they are listed under.
        listed: Every exercise id of the pack, readable or not: a reference
            to a listed but broken exercise is not reported again.
    """
    for exercise, report in located:
        source = exercise.source
        if source is None or not source.exercise:
            continue
        target = by_id.get(source.exercise)
        if target is None:
            if source.exercise not in listed:
                report.at(
                    ("source", "exercise"),
                    _("source exercise {id} is not in this pack").format(id=repr(source.exercise)),
                )
            continue
        if target.kind is not Kind.RECORDS:
            report.at(
                ("source", "exercise"),
                _("source exercise {id} is a {kind} exercise, not a records exercise").format(
                    id=repr(source.exercise), kind=target.kind.value
                ),
            )
            continue
        if not source.field:
            continue
        field = target.field(source.field)
        if field is None:
            report.at(
                ("source", "field"),
                _("source field {field} is not a field of {id}").format(
                    field=repr(source.field), id=repr(source.exercise)
                ),
            )
        elif exercise.kind is Kind.GRID and field.type is not FieldType.TAGS:
            report.at(
                ("source", "field"),
                _(
                    "source field {field} of {id} is a {type} field;"
                    " a grid takes its items from a tags field"
                ).format(field=repr(source.field), id=repr(source.exercise), type=field.type.value),
            )


def check_conditions(
    located: Sequence[tuple[Exercise, FileReport]],
    by_id: Mapping[str, Exercise],
    listed: Collection[str],
) -> None:
    """Report every ``when`` that names a field or a choice that does not exist.

    A condition on the field's own exercise must name an earlier field (the
    person answers from the top); one on another exercise names any of its
    fields. Choice ids must be choices of that field.
    """
    for exercise, report in located:
        for index, field in enumerate(exercise.fields):
            when = field.when
            if when is None:
                continue
            where = ("fields", index, "when")
            if exercise.kind is not Kind.FORM:
                report.at(
                    where,
                    _(
                        "field {field}: 'when' applies only to the questions of a form exercise"
                    ).format(field=repr(field.id)),
                )
                continue
            if when.exercise and when.exercise != exercise.id:
                target = by_id.get(when.exercise)
                if target is None:
                    if when.exercise not in listed:
                        report.at(
                            where,
                            _("field {field}: 'when' names exercise {id}, not in this pack").format(
                                field=repr(field.id), id=repr(when.exercise)
                            ),
                        )
                    continue
                candidates = target.fields
                place = _("field {field}: 'when' names field {named}, not a field of {id}")
            else:
                candidates = exercise.fields[:index]
                place = _("field {field}: 'when' names field {named}, not an earlier field of {id}")
            named = next((other for other in candidates if other.id == when.field), None)
            if named is None:
                owner = when.exercise or exercise.id
                report.at(
                    where,
                    place.format(field=repr(field.id), named=repr(when.field), id=repr(owner)),
                )
                continue
            known = {choice.id for choice in named.choices}
            for value in when.values:
                if value not in known:
                    report.at(
                        where,
                        _(
                            "field {field}: 'when' names choice {choice}, not a choice of {id}"
                        ).format(field=repr(field.id), choice=repr(value), id=repr(named.id)),
                    )
