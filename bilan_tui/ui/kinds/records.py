"""The ``records`` kind: a list of entries (stories, jobs, leads) and one entry's fields.

The body shows either the list or one entry's editor, never both, so an
entry with ten fields still fits at 80×24. Entries keep a stable uuid and a
position (field ``POSITION``), renumbered 0..n-1 after every move so the order
on disk is always the order on screen. A deletion is written to the disk at
once (through the screen) and can be undone: the entry comes back with every
value, at its old place, and is saved again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from bilan_tui.domain.answers import POSITION, ExerciseAnswers, JSONValue, is_empty
from bilan_tui.domain.model import Exercise
from bilan_tui.i18n import _
from bilan_tui.session import WorkbookSession
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.fields import FieldEditor

from .base import ExerciseBody, ExerciseContext
from .records_confirm import ConfirmDelete
from .records_editor import RecordEditor, mouse_button
from .records_summary import empty_label, entry_summary


@dataclass(frozen=True)
class DeletedEntry:
    """What undo needs to bring an entry back: its place and every value."""

    entry_id: str
    index: int
    values: dict[str, JSONValue]


class RecordList(OptionList):
    """The entries, one summary line each; Enter opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", _("Edit"), tooltip=_("Edit the highlighted entry")),
    ]


class RecordsBody(ExerciseBody):
    """Entries of one records exercise: add, edit, reorder, delete, undo."""

    DEFAULT_CSS = """
    RecordsBody RecordList {
        height: auto;
        max-height: 14;
        min-height: 3;
    }
    RecordsBody .records-empty {
        color: $text-muted;
        padding: 0 1;
    }
    RecordsBody .records-bar, RecordsBody .record-editor-bar {
        height: 1;
        margin: 0 0 1 0;
    }
    RecordsBody .records-bar Button, RecordsBody .record-editor-bar Button {
        margin: 0 1 0 0;
        min-width: 0;
        width: auto;
    }
    RecordsBody .record-editor-title {
        width: 1fr;
        min-width: 14;
        text-style: bold;
        color: $text-accent;
    }
    RecordsBody .record-editor {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", _("Add"), tooltip=_("Add an entry")),
        Binding("d", "delete", _("Delete"), tooltip=_("Delete the highlighted entry")),
        Binding("u", "undo", _("Undo"), tooltip=_("Bring back the last deleted entry")),
        Binding("ctrl+up", "move(-1)", _("Move up"), tooltip=_("Move the entry up")),
        Binding("ctrl+down", "move(1)", _("Move down"), tooltip=_("Move the entry down")),
        Binding("K", "move_in_list(-1)", _("Move up"), show=False),
        Binding("J", "move_in_list(1)", _("Move down"), show=False),
        Binding("escape", "close_editor", _("List"), tooltip=_("Back to the list of entries")),
    ]

    LIST_ACTIONS: ClassVar[frozenset[str]] = frozenset({"add", "delete", "undo", "move_in_list"})

    def __init__(
        self, exercise: Exercise, answers: ExerciseAnswers, context: ExerciseContext
    ) -> None:
        super().__init__(exercise, answers, context)
        self.editing: str | None = None
        """The entry whose fields are shown, or ``None`` while the list is shown."""
        self._undo: list[DeletedEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="records-list-view"):
            yield Static("", classes="records-empty")
            yield RecordList(*self._options(), id="records-list")
            with Horizontal(classes="records-bar"):
                yield mouse_button(
                    "+ " + _("Add {entry}").format(entry=self._entry_noun()), "records-add"
                )
                yield mouse_button("↶ " + _("Undo delete"), "records-undo")
        yield Vertical(classes="records-editor-view")

    def on_mount(self) -> None:
        self.query_one(".records-editor-view").display = False
        self._refresh_list(0)

    # Reading the entries -------------------------------------------------------

    def _entry_noun(self) -> str:
        return self.exercise.entry_label or _("an entry")

    def _order(self) -> list[str]:
        return [entry.id for entry in self.answers.entries()]

    def _values(self, entry_id: str) -> dict[str, JSONValue]:
        return {
            field_id: value
            for (field_id, owner), value in self.answers.values.items()
            if owner == entry_id
        }

    def _summary(self, entry_id: str) -> str:
        return entry_summary(self.exercise, self._values(entry_id))

    def _options(self) -> list[Option]:
        options = []
        for number, entry in enumerate(self.answers.entries(), start=1):
            summary = entry_summary(self.exercise, entry.values)
            line = Content(f"{number:>2}  ")
            if summary == empty_label():
                line += Content(summary).stylize("italic $text-muted")
            else:
                line += plain(summary)
            options.append(Option(line, id=entry.id))
        return options

    def _refresh_list(self, highlight: int | None) -> None:
        records = self.query_one(RecordList)
        records.set_options(self._options())
        count = records.option_count
        if count:
            records.highlighted = min(max(highlight or 0, 0), count - 1)
        hint = self.query_one(".records-empty", Static)
        hint.display = count == 0
        if not count:
            hint.update(
                plain(_("Nothing yet. Press a to add {entry}.").format(entry=self._entry_noun()))
            )
        self.query_one("#records-undo", Button).disabled = not self._undo
        self.refresh_bindings()

    def _highlighted_id(self) -> str | None:
        option = self.query_one(RecordList).highlighted_option
        return option.id if option else None

    # Saving --------------------------------------------------------------------

    def _renumber(self, order: list[str]) -> list[tuple[str, str]]:
        """Store positions 0..n-1 in ``order``; the keys that changed."""
        changed = []
        for position, entry_id in enumerate(order):
            if self.answers.get(POSITION, entry_id) != position:
                self.answers.set(POSITION, position, entry_id)
                changed.append((POSITION, entry_id))
        return changed

    def _post(self, keys: list[tuple[str, str]]) -> None:
        if keys:
            self.post_message(self.Edited(keys))

    # Actions -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.editing is None and bool(self._undo)
        if action in self.LIST_ACTIONS:
            return self.editing is None
        if action == "close_editor":
            return self.editing is not None
        return True

    def action_add(self) -> None:
        """Add an empty entry at the end and open it."""
        entry_id = uuid.uuid4().hex
        order = [*self._order(), entry_id]
        self.answers.set(POSITION, len(order) - 1, entry_id)
        self._post([(POSITION, entry_id), *self._renumber(order)])
        self._refresh_list(len(order) - 1)
        self.open_entry(entry_id)

    def action_move(self, step: int) -> None:
        """Move the highlighted (or open) entry up or down one place."""
        entry_id = self.editing or self._highlighted_id()
        order = self._order()
        if entry_id is None or entry_id not in order:
            return
        index = order.index(entry_id)
        target = index + step
        if not 0 <= target < len(order):
            return
        order[index], order[target] = order[target], order[index]
        self._post(self._renumber(order))
        self._refresh_list(target)
        for editor in self.query(RecordEditor).results(RecordEditor):
            editor.show_position(target, len(order))

    def action_move_in_list(self, step: int) -> None:
        """``K``/``J``: the same move, only while the list has the focus."""
        self.action_move(step)

    def action_delete(self) -> None:
        """Ask, naming the entry, then delete it."""
        entry_id = self.editing or self._highlighted_id()
        if entry_id is None:
            return

        def answered(delete: bool | None) -> None:
            if delete:
                self.delete_entry(entry_id)

        summary = self._summary(entry_id)
        name = None if summary == empty_label() else summary
        self.app.push_screen(ConfirmDelete(name), answered)

    def delete_entry(self, entry_id: str) -> None:
        """Delete an entry from the disk and the screen; keep it for undo."""
        order = self._order()
        if entry_id not in order:
            return
        try:
            self.context.delete_entry(entry_id)
        except Exception as error:  # noqa: BLE001 - the person gets a message, not a traceback
            reason = WorkbookSession.describe_error(error)
            self.notify(_("Not deleted: {reason}.").format(reason=reason), severity="error")
            return
        index = order.index(entry_id)
        self._undo.append(DeletedEntry(entry_id, index, self._values(entry_id)))
        self.answers.remove_entry(entry_id)
        order.remove(entry_id)
        self._post(self._renumber(order))
        if self.editing == entry_id:
            self.close_editor()
        self._refresh_list(index)
        self.notify(_("Entry deleted. Press u to bring it back."), timeout=4)

    def action_undo(self) -> None:
        """Bring back the last deleted entry, every value, at its old place."""
        if not self._undo:
            self.notify(_("Nothing to undo."), timeout=2)
            return
        deleted = self._undo.pop()
        order = self._order()
        index = min(deleted.index, len(order))
        order.insert(index, deleted.entry_id)
        keys = []
        for field_id, value in deleted.values.items():
            self.answers.set(field_id, value, deleted.entry_id)
            keys.append((field_id, deleted.entry_id))
        self._renumber(order)
        keys.extend((POSITION, entry_id) for entry_id in order)
        self._post(sorted(set(keys)))
        self._refresh_list(index)

    # Editing one entry ---------------------------------------------------------

    @on(OptionList.OptionSelected, "#records-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.open_entry(event.option.id)

    def open_entry(self, entry_id: str) -> None:
        """Show one entry's fields in place of the list."""
        order = self._order()
        if entry_id not in order:
            return
        self.editing = entry_id
        view = self.query_one(".records-editor-view", Vertical)
        view.remove_children()
        editor = RecordEditor(
            self.exercise, entry_id, self._values(entry_id), order.index(entry_id), len(order)
        )
        view.mount(editor)
        self.query_one(".records-list-view").display = False
        view.display = True
        self.refresh_bindings()

    def close_editor(self) -> None:
        """Back to the list, the entry just edited highlighted."""
        entry_id, self.editing = self.editing, None
        view = self.query_one(".records-editor-view", Vertical)
        view.display = False
        view.remove_children()
        self.query_one(".records-list-view").display = True
        order = self._order()
        self._refresh_list(order.index(entry_id) if entry_id in order else 0)
        self.query_one(RecordList).focus()
        self.refresh_bindings()

    def action_close_editor(self) -> None:
        """Escape from an entry: back to the list."""
        self.close_editor()

    @on(FieldEditor.Changed)
    def _field_changed(self, event: FieldEditor.Changed) -> None:
        event.stop()
        entry_id = self.editing
        if entry_id is None:
            return
        current = self.answers.get(event.field_id, entry_id)
        if current == event.value or (is_empty(current) and is_empty(event.value)):
            return
        self.answers.set(event.field_id, event.value, entry_id)
        self.edited(event.field_id, entry_id)

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "records-add": self.action_add,
            "records-undo": self.action_undo,
            "record-back": self.close_editor,
            "record-up": lambda: self.action_move(-1),
            "record-down": lambda: self.action_move(1),
            "record-delete": self.action_delete,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def initial_focus(self) -> RecordList:
        return self.query_one(RecordList)
