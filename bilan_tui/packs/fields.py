"""Reading the ``[[fields]]`` of an exercise into ``Field`` objects."""

from __future__ import annotations

from bilan_tui.domain.conditions import parse_condition
from bilan_tui.domain.parts import Choice, Field, FieldType
from bilan_tui.i18n import _

from .limits import MAX_CHOICES, MAX_FIELDS, MAX_SCALE_POINTS
from .reader import TableReader, check_unique

_BOUNDED = (FieldType.NUMBER, FieldType.YEAR, FieldType.RATING)
_CHOOSING = (FieldType.CHOICE, FieldType.MULTICHOICE)
_EXTRA_KEYS = frozenset({"min", "max", "min_label", "max_label", "choices", "when"})


def read_fields(table: TableReader, *, required: bool) -> tuple[Field, ...]:
    """The exercise's fields, with duplicate ids reported.

    Args:
        table: The exercise's front matter.
        required: Whether the kind needs at least one field (form, records).
    """
    readers = table.tables("fields", "field", required=required, most=MAX_FIELDS)
    fields = [read_field(reader) for reader in readers]
    check_unique(readers, [field.id if field else "" for field in fields], "field")
    return tuple(field for field in fields if field is not None)


def read_field(table: TableReader) -> Field | None:
    """One field, or ``None`` when its type is unknown (its keys mean nothing then)."""
    ident = table.ident()
    label = table.text("label", required=True)
    help_text = table.text("help")
    placeholder = table.text("placeholder")
    required = table.boolean("required")
    private = table.boolean("private")
    raw_type = table.word("type", required=True)
    if not raw_type:
        return None
    try:
        field_type = FieldType(raw_type)
    except ValueError:
        expected = ", ".join(member.value for member in FieldType)
        table.problem(
            _("unknown type {type} (expected one of {expected})").format(
                type=repr(raw_type), expected=expected
            ),
            "type",
        )
        return None
    low = high = None
    min_label = max_label = ""
    if field_type in _BOUNDED:
        needed = field_type is FieldType.RATING
        low = table.integer("min", required=needed)
        high = table.integer("max", required=needed)
        if low is not None and high is not None and low >= high:
            table.problem(
                _("'min' ({low}) must be less than 'max' ({high})").format(low=low, high=high),
                "max",
            )
        elif needed and low is not None and high is not None:
            check_points(table, low, high)
    if field_type is FieldType.RATING:
        min_label = table.text("min_label")
        max_label = table.text("max_label")
    choices: tuple[Choice, ...] = ()
    if field_type in _CHOOSING:
        choices = _read_choices(table)
    when = None
    written = table.text("when")
    if written:
        when = parse_condition(written)
        if when is None:
            table.problem(
                _(
                    "'when' {written} is not a condition: write 'field = choice',"
                    " 'field != choice | other', 'exercise.field = choice' or 'field'"
                ).format(written=repr(written)),
                "when",
            )
    table.finish(_("a {type} field").format(type=field_type.value), _EXTRA_KEYS)
    return Field(
        id=ident,
        type=field_type,
        label=label,
        help=help_text,
        required=required,
        private=private,
        choices=choices,
        min=low,
        max=high,
        min_label=min_label,
        max_label=max_label,
        placeholder=placeholder,
        when=when,
    )


def check_points(table: TableReader, low: int, high: int) -> bool:
    """Report a scale (rating or likert) with more points than the screen can offer.

    Returns:
        Whether the scale is within the bound.
    """
    points = high - low + 1
    if points <= MAX_SCALE_POINTS:
        return True
    table.problem(
        _("the scale from {low} to {high} has {points} points; at most {most} are allowed").format(
            low=low, high=high, points=points, most=MAX_SCALE_POINTS
        ),
        "max",
    )
    return False


def _read_choices(table: TableReader) -> tuple[Choice, ...]:
    readers = table.tables("choices", "choice", required=True, most=MAX_CHOICES)
    choices = []
    for reader in readers:
        choice = Choice(
            id=reader.ident(),
            label=reader.text("label", required=True),
            private=reader.boolean("private"),
            exclusive=reader.boolean("exclusive"),
        )
        reader.finish("choice")
        choices.append(choice)
    check_unique(readers, [choice.id for choice in choices], "choice")
    return tuple(choices)
