"""The exercise screen: guidance first, then the inputs of the exercise's kind."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from bilan_tui.domain.answers import ExerciseAnswers, JSONValue
from bilan_tui.domain.model import Exercise, ExerciseStatus
from bilan_tui.domain.required import missing_required
from bilan_tui.i18n import N_, _
from bilan_tui.packs.guidance import shown_guidance
from bilan_tui.services.labels import phase_title, status_label
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.autosave import Autosaver
from bilan_tui.ui.holds_answers import HoldsAnswers
from bilan_tui.ui.kinds import ExerciseBody, ExerciseContext, body_for
from bilan_tui.ui.required_text import not_done_yet
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.fields import FieldEditor
from bilan_tui.ui.widgets.footer import SteadyFooter
from bilan_tui.ui.widgets.guidance import Guidance

ACTIVITY_FLUSH_SECONDS = 120.0
"""How often the personal time counted in the open exercise is written (issue 5)."""
SAVE_DELAY = 1.0
"""Seconds between the first unsaved change and its write (DESIGN §5)."""


class ExerciseScreen(Screen[None], HoldsAnswers):
    """One exercise: its guidance, its body, and autosave around them."""

    CSS_PATH = "exercise.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            N_("Back"),
            tooltip=N_("Save and go back to the dashboard"),
            id="exercise.back",
        ),
        Binding(
            "ctrl+s",
            "mark_done",
            N_("Mark as done"),
            tooltip=N_("Mark the exercise as done"),
            id="exercise.mark-done",
        ),
        Binding(
            "ctrl+s",
            "mark_in_progress",
            N_("Mark as in progress"),
            tooltip=N_("Take the exercise up again"),
            id="exercise.mark-in-progress",
        ),
        Binding(
            "ctrl+g",
            "toggle_guidance",
            N_("Guidance"),
            tooltip=N_("Show or hide the guidance"),
            id="exercise.toggle-guidance",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Save and go back to the dashboard |
    | ctrl+s | Mark the exercise as done |
    | ctrl+s | Take the exercise up again |
    | ctrl+g | Show or hide the guidance |
    """

    def __init__(self, session: WorkbookSession, exercise: Exercise) -> None:
        super().__init__(classes="exercise-screen")
        self.session = session
        self.exercise = exercise
        answers = session.exercise_answers(exercise)
        self.autosaver = Autosaver(answers, session.save_answers)
        self.status = session.status(exercise)
        self._save_timer_running = False
        self._body: ExerciseBody | None = None
        self._save_text: str | None = None
        self._state_width = -1
        self._other_answers: dict[str, ExerciseAnswers | None] = {}
        self._warned_unsaved = False

    def compose(self) -> ComposeResult:
        exercise = self.exercise
        with Horizontal(id="exercise-header"):
            crumb = f"{phase_title(exercise.phase)} › {exercise.title}"
            yield Static(plain(crumb), id="exercise-title")
            yield Static("", id="exercise-state")
        if any(field.required for field in exercise.fields):
            yield Static(
                _("* an answer is needed before the exercise can be marked as done"),
                id="required-note",
                markup=False,
            )
        if exercise.guidance:
            with VerticalScroll(id="guidance-box"):
                yield Guidance(shown_guidance(exercise.guidance), id="guidance")
        with VerticalScroll(id="exercise-scroll"):
            self._body = body_for(
                exercise,
                self.autosaver.answers,
                ExerciseContext(
                    source_entries=self.session.source_entries,
                    delete_entry=self._delete_entry,
                    answer_of=self._answer_of,
                    exercise_of=self.session.pack.exercise,
                    edited=self._note_edits,
                ),
            )
            yield self._body
        yield Static("", id="save-state")
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        if self.status is ExerciseStatus.DONE:
            for box in self.query("#guidance-box"):
                box.display = False
        self._show_state()
        self.call_after_refresh(self._focus_first_input)
        self.session.note_activity(self.exercise)
        self.set_interval(ACTIVITY_FLUSH_SECONDS, self._write_activity)

    def _focus_first_input(self) -> None:
        body = self.query_one(ExerciseBody)
        chosen = body.initial_focus()
        if chosen is not None:
            chosen.focus()
            return
        for widget in body.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def _show_state(self) -> None:
        text = status_label(self.status)
        counted = self._body_progress()
        if counted is not None and counted[1]:
            text = f"{counted[0]} / {counted[1]}   " + text
        if self.exercise.minutes:
            text += "   " + _("~{minutes} min").format(minutes=self.exercise.minutes)
        # Laid out again only if its width changes: "12 / 48" after each digit
        # of a questionnaire must not lay the whole screen out (DESIGN §12).
        content = plain(text)
        same_width = self._state_width == content.cell_length
        self._state_width = content.cell_length
        self.query_one("#exercise-state", Static).update(content, layout=not same_width)

    @on(ExerciseBody.Edited)
    def _edited(self, event: ExerciseBody.Edited) -> None:
        self._note_edits(event.keys)

    def _note_edits(self, keys: list[tuple[str, str]]) -> None:
        """Mark the keys for the autosave, count the activity, redraw the counter."""
        for field_id, entry_id in keys:
            self.autosaver.mark(field_id, entry_id)
        self.session.note_activity(self.exercise)
        if self._body_progress() is not None:
            self._show_state()
        if not self._save_timer_running:
            self._save_timer_running = True
            self.set_timer(SAVE_DELAY, self._timed_save)

    def _body_progress(self) -> tuple[int, int] | None:
        """The body's "12 / 48" count, for kinds that count.

        Asked on every keystroke, so the body is kept rather than queried (a
        query walks every widget of the screen).
        """
        return self._body.progress() if self._body is not None else None

    def _answer_of(self, exercise_id: str, field_id: str) -> JSONValue:
        """One answer of another exercise, read once per visit (it cannot change meanwhile)."""
        if exercise_id not in self._other_answers:
            other = self.session.pack.exercise(exercise_id)
            self._other_answers[exercise_id] = (
                self.session.exercise_answers(other) if other is not None else None
            )
        found = self._other_answers[exercise_id]
        return found.get(field_id) if found is not None else None

    def redraw_body(self) -> None:
        """Show the answers again after another screen changed them (see ``lead_book``)."""
        if self._body is not None:
            self._body.redraw()

    def _delete_entry(self, entry_id: str) -> None:
        """Remove a record entry from the disk now; raise if that fails.

        Pending edits go first, so a late autosave cannot write the deleted
        entry back.
        """
        if not self.save():
            raise self.autosaver.last_error or OSError(_("the workbook could not be written"))
        answers = self.autosaver.answers
        self.session.workbook.delete_entry(answers.pack_id, answers.exercise_id, entry_id)

    def _timed_save(self) -> None:
        self._save_timer_running = False
        self.save()

    def save(self) -> bool:
        """Write pending answers now; tell the person if the disk refuses."""
        if self._body is not None:
            for field_id, entry_id in self._body.catch_up():
                self.autosaver.mark(field_id, entry_id)
        had_pending = self.autosaver.pending
        ok = self.autosaver.flush()
        if not ok and not self._save_timer_running and self.is_attached:
            self._save_timer_running = True
            self.set_timer(SAVE_DELAY, self._timed_save)
        if had_pending:
            self._report_save(ok)
        return ok

    def _report_save(self, ok: bool) -> None:
        """Show the outcome of a save on the status line, if it is still there."""
        if ok:
            text = _("Saved")
        else:
            reason = self.session.describe_error(self.autosaver.last_error)
            text = _(
                "Not saved: {reason}. Your text is kept here and will be saved as soon as possible."
            ).format(reason=reason)
        # The line is redrawn only when its text changes: an update lays the
        # whole screen out again, and a save follows every second of typing.
        if text != self._save_text:
            for state in self.query("#save-state").results(Static):
                self._save_text = text
                state.set_class(not ok, "-error")
                state.update(plain(text))
        if ok and self.status is ExerciseStatus.TODO and self.autosaver.answers.has_any():
            self.status = ExerciseStatus.STARTED
            if self.query("#exercise-state"):
                self._show_state()

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.save()

    def on_screen_suspend(self) -> None:
        self.save()

    def on_unmount(self) -> None:
        self.save()
        self._write_activity(end=True)

    # Automatic personal time: any key or mouse event here counts as activity.
    def on_key(self, event: events.Key) -> None:
        self.session.note_activity(self.exercise)
        if event.key != "escape":
            self._warned_unsaved = False  # a new Escape warns again

    def on_mouse_move(self, _event: events.MouseMove) -> None:
        self.session.note_activity(self.exercise)

    def on_mouse_down(self, _event: events.MouseDown) -> None:
        self.session.note_activity(self.exercise)

    def on_mouse_scroll_down(self, _event: events.MouseScrollDown) -> None:
        self.session.note_activity(self.exercise)

    def on_mouse_scroll_up(self, _event: events.MouseScrollUp) -> None:
        self.session.note_activity(self.exercise)

    def _write_activity(self, end: bool = False) -> None:
        """Write the minutes counted so far (``end``: the exercise is being left).

        A failed write keeps the minutes for the next try; typing goes on.
        """
        try:
            if end:
                self.session.end_activity(self.exercise)
            else:
                self.session.flush_activity()
        except Exception:  # noqa: BLE001 - auto time is retried; never interrupt typing
            return

    def _warn_unsaved(self) -> bool:
        """Say once that a field's text is invalid, so not saved; ``True`` if said.

        The field stores nothing of an invalid text (``1 7``, ``1700`` over
        120): leaving would drop what she typed without a word. A second
        Escape leaves anyway.
        """
        if self._warned_unsaved:
            return False
        editor = next((e for e in self.query(FieldEditor).results(FieldEditor) if e.error), None)
        if editor is None:
            return False
        self._warned_unsaved = True
        self.notify(
            _(
                "“{label}” is not saved: {error} Correct it, or press esc again "
                "to leave without it."
            ).format(label=editor.field.label, error=editor.error),
            severity="warning",
            markup=False,
        )
        for widget in editor.query("Input"):
            if widget.display and widget.focusable:
                widget.focus()
        return True

    def action_back(self) -> None:
        """Save, then return to the dashboard (after one warning if a field is invalid)."""
        if self._warn_unsaved():
            return
        self.save()
        self._write_activity(end=True)
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ctrl+S marks as done, or, once done, takes the exercise up again."""
        if action == "mark_done":
            return self.status is not ExerciseStatus.DONE
        if action == "mark_in_progress":
            return self.status is ExerciseStatus.DONE
        return True

    def action_mark_done(self) -> None:
        """Mark the exercise as done, unless a required answer is still empty."""
        self.save()
        missing = missing_required(self.exercise, self.autosaver.answers, self._answer_of)
        if missing:
            self.notify(not_done_yet(self.exercise, missing), severity="warning", timeout=8)
            return
        self._set_done(True)

    def action_mark_in_progress(self) -> None:
        """Take a done exercise up again."""
        self.save()
        self._set_done(False)

    def _set_done(self, done: bool) -> None:
        try:
            self.status = self.session.set_done(self.exercise, done)
        except Exception as error:  # noqa: BLE001 - the person gets a message, not a traceback
            self.notify(self.session.describe_error(error), severity="error")
            return
        self._show_state()
        self.refresh_bindings()
        self.notify(
            _("Marked as done.")
            if done
            else _("No longer marked as done: {state}.").format(state=status_label(self.status)),
            timeout=3,
        )

    def action_toggle_guidance(self) -> None:
        """Show or hide the guidance, leaving more room for the answers."""
        for box in self.query("#guidance-box"):
            box.display = not box.display
