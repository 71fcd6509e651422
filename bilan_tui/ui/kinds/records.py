"""The ``records`` kind: a list of entries (stories, jobs, leads) and one entry's fields.

The body shows the list or one entry's editor, never both, so an entry with
ten fields still fits at 80×24. Order and undo live in ``records_order``. A
deletion reaches the disk at once, through the screen, and can be undone.
Focus moves are immediate (``screen.set_focus``): keys pressed right after
``a`` must reach the new entry, not the list, where letters are commands.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.model import Exercise
from bilan_tui.i18n import N_, _
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.screens.confirm import Confirm
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.fields import FieldEditor

from .base import ExerciseBody, ExerciseContext
from .records_editor import RecordEditor, mouse_button
from .records_list import RecordList
from .records_order import (
    DeletedEntry,
    Keys,
    add_entry,
    entry_order,
    entry_values,
    move_entry,
    restore_entry,
    sort_entries,
    take_entry,
)
from .records_summary import empty_label, entry_summary


class RecordsBody(ExerciseBody):
    """Entries of one records exercise: add, edit, reorder, delete, undo."""

    DEFAULT_CSS = """
    RecordsBody {
        height: auto;
    }
    RecordsBody RecordList {
        height: auto;
        max-height: 14;
        min-height: 3;
    }
    RecordsBody .records-empty {
        color: $text-muted;
        padding: 0 1;
    }
    RecordsBody .records-bar {
        height: 1;
        margin: 0 0 1 0;
    }
    RecordsBody Button {
        margin: 0 1 0 0;
        min-width: 0;
        width: auto;
    }
    RecordsBody .records-editor-view {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", N_("Add"), tooltip=N_("Add an entry"), id="records.add"),
        Binding(
            "d",
            "delete",
            N_("Delete"),
            tooltip=N_("Delete the highlighted entry"),
            id="records.delete",
        ),
        Binding(
            "u",
            "undo",
            N_("Undo"),
            tooltip=N_("Bring back the last deleted entry"),
            id="records.undo",
        ),
        Binding(
            "ctrl+up",
            "move(-1)",
            N_("Move up"),
            tooltip=N_("Move the entry up"),
            id="records.move-minus1",
        ),
        Binding(
            "ctrl+down",
            "move(1)",
            N_("Move down"),
            tooltip=N_("Move the entry down"),
            id="records.move-1",
        ),
        Binding(
            "K", "move_in_list(-1)", N_("Move up"), show=False, id="records.move-in-list-minus1"
        ),
        Binding("J", "move_in_list(1)", N_("Move down"), show=False, id="records.move-in-list-1"),
        Binding(
            "escape",
            "close_editor",
            N_("List"),
            tooltip=N_("Back to the list of entries"),
            id="records.close-editor",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | a | Add an entry |
    | d | Delete the highlighted entry |
    | u | Bring back the last deleted entry |
    | ctrl+up | Move the entry up |
    | ctrl+down | Move the entry down |
    | K | Move up |
    | J | Move down |
    | escape | Back to the list of entries |
    """

    LIST_ACTIONS: ClassVar[frozenset[str]] = frozenset({"add", "delete", "move_in_list"})

    def __init__(
        self, exercise: Exercise, answers: ExerciseAnswers, context: ExerciseContext
    ) -> None:
        super().__init__(exercise, answers, context)
        self.editing: str | None = None
        """The entry whose fields are shown, or ``None`` while the list is shown."""
        self._undo: list[DeletedEntry] = []

    def compose(self) -> ComposeResult:
        noun = self.exercise.entry_label or _("an entry")
        with Vertical(classes="records-list-view"):
            yield Static(
                plain(_("Nothing yet. Press a to add {entry}.").format(entry=noun)),
                classes="records-empty",
            )
            yield RecordList(id="records-list")
            with Horizontal(classes="records-bar"):
                yield mouse_button("+ " + _("Add {entry}").format(entry=noun), "records-add")
                yield mouse_button("↶ " + _("Undo delete"), "records-undo")
        yield Vertical(classes="records-editor-view")

    def on_mount(self) -> None:
        self.query_one(".records-editor-view").display = False
        self._refresh_list(0)

    @property
    def record_list(self) -> RecordList:
        """The list of entries."""
        return self.query_one(RecordList)

    def initial_focus(self) -> RecordList:
        return self.record_list

    def _refresh_list(self, highlight: int | None) -> None:
        self.record_list.show_entries(self.exercise, self.answers, highlight)
        self.query_one(".records-empty").display = self.record_list.option_count == 0
        self.query_one("#records-undo", Button).display = bool(self._undo)
        self.refresh_bindings()

    def redraw(self) -> None:
        if self.editing is None:
            self._refresh_list(self.record_list.highlighted)

    def _post(self, keys: Keys) -> None:
        if keys:
            self.post_message(self.Edited(keys))

    def _current(self) -> str | None:
        """The entry the keys act on: the open one, else the highlighted one."""
        return self.editing or self.record_list.highlighted_id

    # Actions -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.editing is None and bool(self._undo)
        if action in ("move", "move_in_list") and self.exercise.sort_by:
            return False  # the pack keeps these entries in order (a life line, by year)
        if action in self.LIST_ACTIONS:
            return self.editing is None
        if action == "close_editor":
            return self.editing is not None
        return True

    async def action_add(self) -> None:
        """Add an empty entry at the end and open it."""
        entry_id, keys = add_entry(self.answers)
        self._post(keys)
        self._refresh_list(len(entry_order(self.answers)) - 1)
        await self.open_entry(entry_id)

    def action_move(self, step: int) -> None:
        """Move the highlighted (or open) entry up or down one place."""
        entry_id = self._current()
        moved = move_entry(self.answers, entry_id, step) if entry_id else None
        if moved is None:
            return
        index, keys = moved
        self._post(keys)
        self._refresh_list(index)
        for editor in self.query(RecordEditor).results(RecordEditor):
            if editor.entry_id == entry_id:
                editor.show_position(index, self.record_list.option_count)

    def action_move_in_list(self, step: int) -> None:
        """``K``/``J``: the same move, only while the list has the focus."""
        self.action_move(step)

    def action_delete(self) -> None:
        """Ask, naming the entry, then delete it."""
        entry_id = self._current()
        if entry_id is None:
            return

        def answered(delete: bool | None) -> None:
            if delete:
                self.delete_entry(entry_id)
            else:
                self._restore_focus()

        summary = entry_summary(self.exercise, entry_values(self.answers, entry_id))
        name = None if summary == empty_label() else summary
        question = (
            _("Delete this empty entry?")
            if name is None
            else _("Delete “{entry}”?").format(entry=name)
        )
        self.app.push_screen(
            Confirm(
                question,
                _("You can undo it with u in the list."),
                title=_("Delete"),
                focus_yes=True,  # undoable: Enter deletes at once
            ),
            answered,
        )

    def delete_entry(self, entry_id: str) -> None:
        """Delete an entry from the disk, then from the screen; keep it for undo."""
        if entry_id not in entry_order(self.answers):
            return
        try:
            self.context.delete_entry(entry_id)
        except Exception as error:  # noqa: BLE001 - the person gets a message, not a traceback
            reason = WorkbookSession.describe_error(error)
            message = _("Not deleted: {reason}.").format(reason=reason)
            self.notify(message, severity="error", markup=False)
            self._restore_focus()
            return
        deleted, keys = take_entry(self.answers, entry_id)
        self._undo.append(deleted)
        self._post(keys)
        if self.editing == entry_id:
            self.close_editor()
        self._refresh_list(deleted.index)
        self._restore_focus()
        self.notify(_("Entry deleted. Press u to bring it back."), timeout=4, markup=False)

    def action_undo(self) -> None:
        """Bring back the last deleted entry, every value, at its old place."""
        if not self._undo:
            return
        index, keys = restore_entry(self.answers, self._undo.pop())
        self._post(keys)
        self._refresh_list(index)

    # Editing one entry ---------------------------------------------------------

    @on(OptionList.OptionSelected, "#records-list")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            await self.open_entry(event.option.id)

    async def open_entry(self, entry_id: str) -> None:
        """Show one entry's fields in place of the list, the cursor in the first."""
        order = entry_order(self.answers)
        if entry_id not in order:
            return
        view = self.query_one(".records-editor-view", Vertical)
        await view.remove_children()
        editor = RecordEditor(
            self.exercise,
            entry_id,
            entry_values(self.answers, entry_id),
            order.index(entry_id),
            len(order),
        )
        await view.mount(editor)
        self.editing = entry_id
        self.query_one(".records-list-view").display = False
        view.display = True
        editor.focus_first()
        self.refresh_bindings()

    def close_editor(self) -> None:
        """Back to the list, the entry just edited highlighted.

        The editor is hidden, not removed, until another entry opens: a
        change still on its way from the last keystroke must find it.
        """
        entry_id, self.editing = self.editing, None
        self.query_one(".records-editor-view").display = False
        self.query_one(".records-list-view").display = True
        if self.exercise.sort_by:
            self._post(sort_entries(self.answers, self.exercise.sort_by))
        order = entry_order(self.answers)
        self._refresh_list(order.index(entry_id) if entry_id in order else 0)
        self.screen.set_focus(self.record_list)
        self.refresh_bindings()

    def action_close_editor(self) -> None:
        """Escape from an entry: back to the list."""
        self.close_editor()

    def keep_field(self, event: FieldEditor.Changed) -> None:
        """Record a value in the entry whose editor reported it (not at the top level)."""
        editor = next(
            (node for node in event.editor.ancestors if isinstance(node, RecordEditor)), None
        )
        if editor is None or editor.entry_id not in entry_order(self.answers):
            return  # the entry was deleted meanwhile: do not bring it back
        if self.answers.change(event.field_id, event.value, editor.entry_id):
            self.edited(event.field_id, editor.entry_id)

    @on(Button.Pressed)
    async def _button(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id or ""
        if button == "records-add":
            await self.action_add()
        elif button == "records-undo":
            self.action_undo()
        elif button == "record-back":
            self.close_editor()
        elif button in ("record-up", "record-down"):
            self.action_move(-1 if button == "record-up" else 1)
        elif button == "record-delete":
            self.action_delete()
        if button in ("records-undo", "record-up", "record-down"):
            self._restore_focus()

    def _restore_focus(self) -> None:
        """Give the keyboard back its place after a mouse click or a dialog."""
        if self.editing is None:
            self.screen.set_focus(self.record_list)
            return
        for editor in self.query(RecordEditor).results(RecordEditor):
            editor.restore_focus()
