"""One editor per field type, all posting the same ``FieldEditor.Changed``.

The screen that owns the answers does not need to know which Textual widget
stands behind a field: every editor turns its widget's own events into a
``Changed(field_id, value)`` carrying a value already in its stored form
(str, int, float, bool, list of str or ``None``).
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from bilan_tui.domain.answers import JSONValue
from bilan_tui.domain.dates import DateInputError, input_date, read_date
from bilan_tui.domain.numbers import (
    MAX_DIGITS,
    NumberError,
    NumberProblem,
    format_number,
    parse_number,
    parse_year,
)
from bilan_tui.domain.parts import Field, FieldType, exclusive_ticks
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _, language
from bilan_tui.services.ledger_text import date_error_text, date_example
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.rating import RatingScale


class LineInput(Input):
    """An ``Input`` whose typing does not lay the whole screen out again.

    Two things ``Input`` does on a keystroke make Textual re-arrange every
    widget of the screen, milliseconds on a long form (``benchmarks/``,
    DESIGN §12): it sets its virtual size, a layout reactive, although a
    one-line input's outer size never depends on its text (``Input`` still
    asks for a layout itself when its size is ``auto``); and, once the text is
    wider than the field, it moves its horizontal scrollbar, which has size 0
    and is never drawn, but whose refresh invalidates the screen's map of
    widgets. Repainting the input is enough in both cases.
    """

    virtual_size = Reactive(Size(0, 0), layout=False)

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        """Repaint when the text scrolls, leaving the invisible scrollbar alone."""
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)


def parse_tags(text: str) -> list[str]:
    """Split a comma- or semicolon-separated list into clean, unique tags."""
    seen: dict[str, str] = {}
    for raw in text.replace(";", ",").split(","):
        tag = " ".join(clean_text(raw).split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


def number_problem_text(problem: NumberProblem) -> str:
    """What to tell the person about a number that cannot be read."""
    if problem is NumberProblem.AMBIGUOUS:
        return _(
            "This number can be read two ways: write 1700 for one thousand seven hundred, "
            "or 1.7 for one point seven."
        )
    if problem is NumberProblem.TOO_LONG:
        return _("This number is too long: {count} digits at most.").format(count=MAX_DIGITS)
    return _("Please type a number, for example 1700 or 1700.50.")


def _check_number(field: Field, text: str) -> tuple[JSONValue, str]:
    """A number or year field's value, read whole, and its bounds checked."""
    try:
        number = parse_year(text) if field.type is FieldType.YEAR else parse_number(text)
    except NumberError as error:
        if field.type is FieldType.YEAR:
            return None, _("Please type a year, for example 2015.")
        return None, number_problem_text(error.problem)
    if field.min is not None and number < field.min:
        return None, _("The smallest accepted value is {min}.").format(min=_bound(field.min))
    if field.max is not None and number > field.max:
        return None, _("The largest accepted value is {max}.").format(max=_bound(field.max))
    return number, ""


def _bound(value: int) -> str:
    """A field's min or max as the person would type it (``50 000`` in French)."""
    return format_number(value, language())


def _typed_date(stored: str) -> str:
    """A stored ISO day as the person types one (``15/03/2026`` in French)."""
    try:
        return input_date(date.fromisoformat(stored), language())
    except ValueError:
        return stored


def check_value(field: Field, text: str) -> tuple[JSONValue, str]:
    """Turn typed text into the stored value of a one-line field.

    The whole text is read or none of it (:mod:`bilan_tui.domain.numbers`):
    ``1 700`` is 1700, never 1.

    Returns:
        The value (``None`` when blank) and an error message, empty when the
        text is acceptable. An unacceptable text is not saved.
    """
    text = clean_text(text)
    stripped = text.strip()
    if field.type in (FieldType.NUMBER, FieldType.YEAR):
        return (None, "") if not stripped else _check_number(field, stripped)
    if field.type is FieldType.DATE:
        if not stripped:
            return None, ""
        try:
            return read_date(stripped).isoformat(), ""
        except DateInputError as error:
            return None, date_error_text(error.code, stripped)
    if field.type is FieldType.TAGS:
        tags: list[JSONValue] = list(parse_tags(text))
        return tags, ""
    return text, ""


class FieldEditor(Vertical):
    """A field's label, hint, input and error line."""

    class Changed(Message):
        """A field's stored value changed."""

        def __init__(self, editor: FieldEditor, value: JSONValue) -> None:
            super().__init__()
            self.editor = editor
            self.value = value

        @property
        def control(self) -> FieldEditor:
            """The editor whose value changed."""
            return self.editor

        @property
        def field_id(self) -> str:
            """The id of the field that changed."""
            return self.editor.field.id

    DEFAULT_CLASSES = "field-editor"

    def __init__(self, field: Field, value: JSONValue, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.field = field
        self.initial = value
        self.kept: JSONValue = value
        """What a line field stores while its text is invalid: its value when
        the person last entered it, never a prefix of what she typed."""
        self._error = ""
        self._ticked: list[str] = []
        """A multichoice's ticks as last stored (exclusive choices apply to changes)."""
        if field.required:
            self.add_class("-required")

    def compose(self) -> ComposeResult:
        label = self.field.label + (" *" if self.field.required else "")
        if self.field.private:
            label += "  " + _("(private)")
        yield Label(plain(label), classes="field-label")
        if self.field.help:
            yield Static(plain(self.field.help), classes="field-help")
        yield self.make_input()
        yield Static("", classes="field-error")

    def make_input(self) -> Widget:
        """The Textual widget that edits this field's type."""
        field, value = self.field, self.initial
        kind = field.type
        if kind is FieldType.LONGTEXT:
            area = TextArea(
                clean_text(str(value or "")),
                soft_wrap=True,
                tab_behavior="focus",
                classes="field-input",
            )
            area.placeholder = plain(field.placeholder)
            return area
        if kind is FieldType.CHOICE:
            options = [(plain(choice.label), choice.id) for choice in field.choices]
            known = {choice.id for choice in field.choices}
            return Select(
                options,
                prompt=_("Choose…"),
                value=value if isinstance(value, str) and value in known else Select.NULL,
                classes="field-input",
            )
        if kind is FieldType.MULTICHOICE:
            chosen = set(value) if isinstance(value, list) else set()
            self._ticked = [choice.id for choice in field.choices if choice.id in chosen]
            return SelectionList[str](
                *(
                    Selection(plain(choice.label), choice.id, choice.id in chosen)
                    for choice in field.choices
                ),
                classes="field-input",
            )
        if kind is FieldType.RATING:
            return RatingScale(
                field.min if field.min is not None else 1,
                field.max if field.max is not None else 5,
                value if isinstance(value, int) else None,
                min_label=field.min_label,
                max_label=field.max_label,
                id=None,
            )
        if kind is FieldType.CHECKBOX:
            return Checkbox(Content(_("Yes")), bool(value), classes="field-input")
        return self._make_line_input(value)

    def _make_line_input(self, value: JSONValue) -> Input:
        field = self.field
        if isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        elif value is None:
            text = ""
        elif field.type is FieldType.DATE and isinstance(value, str):
            text = _typed_date(value)
        else:
            text = str(value)
        placeholder = field.placeholder
        if not placeholder and field.type is FieldType.DATE:
            placeholder = date_example()
        if not placeholder and field.type is FieldType.TAGS:
            placeholder = _("separate with commas")
        return LineInput(
            clean_text(text), placeholder=clean_text(placeholder), classes="field-input"
        )

    def show_error(self, message: str) -> None:
        """Show (or clear, with ``""``) the line under the input.

        Called on every keystroke: an unchanged line is left alone, because an
        update lays the whole screen out again (tens of ms on a long form).
        """
        if message == self._error:
            return
        self._error = message
        self.query_one(".field-error", Static).update(plain(message))
        self.set_class(bool(message), "-invalid")

    def _emit(self, value: JSONValue) -> None:
        self.post_message(self.Changed(self, value))

    @property
    def error(self) -> str:
        """The message under the input, empty when its text is stored."""
        return self._error

    def typed_value(self) -> tuple[bool, JSONValue]:
        """What the text on screen stores, read now: (found, value).

        The usual path is a chain of messages (the input's ``Changed``, then
        ours, then the body's ``Edited``). A signal that ends the program can
        arrive after a keystroke is drawn but before that chain has run; the
        screen then reads the typed text here so that it is saved all the same.
        Only text editors answer: the others change on one key or click, which
        is handled at once. An invalid text stores the value kept before it.
        """
        for area in self.query(TextArea):
            return True, clean_text(area.text)
        for line in self.query(Input):
            value, error = check_value(self.field, line.value)
            return True, self.kept if error else value
        return False, None

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        """Store the text if it reads whole, else go back to the kept value.

        While she types ``1700`` into a field whose maximum is 120, ``17`` is
        valid for a moment and stored; ``170`` is not, and the field must not
        keep that ``17``: it stores the value it held before she typed.
        """
        event.stop()
        value, error = check_value(self.field, event.value)
        self.show_error(error)
        self._emit(self.kept if error else value)

    @on(Input.Blurred)
    @on(Input.Submitted)
    def _input_left(self, event: Input.Blurred | Input.Submitted) -> None:
        """A valid text becomes the value kept if she later types something invalid."""
        value, error = check_value(self.field, event.value)
        if not error:
            self.kept = value

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._emit(clean_text(event.text_area.text))

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        self._emit(value if isinstance(value, str) else None)

    @on(SelectionList.SelectedChanged)
    def _selection_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        ticks = event.selection_list
        chosen = set(ticks.selected)
        kept = exclusive_ticks(self.field.choices, self._ticked, chosen)
        if kept == self._ticked:
            return  # our own clearing below, coming back
        self._ticked = kept
        for cleared in chosen.difference(kept):
            ticks.deselect(cleared)
        self._emit(list[JSONValue](kept))

    @on(RatingScale.Changed)
    def _rating_changed(self, event: RatingScale.Changed) -> None:
        event.stop()
        self._emit(event.value)

    @on(Checkbox.Changed)
    def _checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._emit(event.value)
