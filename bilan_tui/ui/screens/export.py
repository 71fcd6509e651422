"""The export screen: choose what, in which format, for whom; preview; write.

The workbook is read once, in a thread, when the screen opens; every change
of choice renders the document again (in a thread too) and the preview shows
exactly what the file will hold. An export for anyone but the person opens a
confirmation that says who receives it and what it holds; agreeing writes the
file and records the consent, listed at the bottom of the options.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from rich.markdown import Markdown as RichMarkdown
from rich.segment import Segment, Segments
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    Select,
    Static,
    TextArea,
)
from textual.worker import Worker, WorkerState, get_current_worker

from bilan_tui import paths
from bilan_tui.domain.dates import short_date
from bilan_tui.export.api import NoHomework, Rendered, file_name, render, write
from bilan_tui.export.consent import (
    consent_for,
    content_lines,
    describe,
    format_label,
    recipient_label,
    scope_label,
    scope_short,
)
from bilan_tui.export.escape import escape_block
from bilan_tui.export.files import ExportExists
from bilan_tui.export.options import FORMATS, RECIPIENTS, SCOPES, ExportOptions
from bilan_tui.export.partage import conflict_lines
from bilan_tui.export.source import ExportSource
from bilan_tui.export.typst_render import PdfUnavailable
from bilan_tui.i18n import N_, _, language
from bilan_tui.services.export_source import collect
from bilan_tui.services.leads import with_referential_labels
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.screens.export_confirm import ConfirmShare
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.file_name import FileNameText
from bilan_tui.ui.widgets.footer import SteadyFooter
from bilan_tui.ui.widgets.preview_lines import PreviewLines


def preview_lines(markdown: str, width: int) -> Segments:
    """The document drawn as terminal lines, ready to show.

    Drawn in a worker thread with Rich: Textual's Markdown widget builds one
    widget per block, which takes seconds for the detailed results.
    """
    console = Console(
        width=width, force_terminal=True, color_system="truecolor", file=io.StringIO()
    )
    options = console.options.update_width(width)
    lines = console.render_lines(RichMarkdown(markdown, hyperlinks=False), options, pad=False)
    return Segments([segment for line in lines for segment in (*line, Segment.line())])


PREVIEW_HEAD = 6000
"""Characters of the document drawn before the preview is shown; the rest when scrolled to."""
_HEADING = re.compile(r"\n#{1,6} ")


def split_document(markdown: str, size: int = PREVIEW_HEAD) -> tuple[str, str]:
    """The document cut before its first heading after ``size`` characters: (head, rest).

    Drawing the detailed results with Rich takes tenths of a second, twenty
    times that for a workbook kept for years, though the preview shows twenty
    lines at first (DESIGN §12). A heading starts a block of its own, so the
    two parts drawn apart, a blank line between them, are the document drawn
    whole (``tests/ui/test_export_screen.py``). A document with fenced code
    is not cut: a ``#`` line in it is not a heading.
    """
    if len(markdown) <= size or "```" in markdown or "~~~" in markdown:
        return markdown, ""
    found = _HEADING.search(markdown, size)
    if found is None:
        return markdown, ""
    return markdown[: found.start() + 1], markdown[found.start() + 1 :]


def default_folder() -> Path:
    """The person's documents folder, else their home folder."""
    try:
        folder = paths.documents_dir()
    except Exception:  # noqa: BLE001 - platformdirs may not know one: fall back to home
        return Path.home()
    return folder if folder.is_dir() else Path.home()


class ExportScreen(Screen[None]):
    """Scope, format, recipient and privacy on the left; the live preview on the right."""

    CSS_PATH = "export.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "back", N_("Back"), tooltip=N_("Go back to the dashboard"), id="export.back"
        ),
        Binding(
            "ctrl+s", "write", N_("Write the file"), tooltip=N_("Write the file"), id="export.write"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Go back to the dashboard |
    | ctrl+s | Write the file |
    """

    def __init__(self, session: WorkbookSession) -> None:
        super().__init__(id="export")
        self.session = session
        self.source: ExportSource | None = None
        self.rendered: Rendered | None = None
        self._content_text: str | None = None
        """The note on what a copy holds, as last shown."""
        self._preview_rest: tuple[ExportOptions, str, int] | None = None
        """The part of the document not drawn yet: for which choices, its text, at which width."""

    def compose(self) -> ComposeResult:
        yield Static(plain(_("Export your results")), id="export-header")
        with Horizontal(id="export-body"):
            with Vertical(id="export-side"):
                with VerticalScroll(id="export-options"):
                    yield Label(plain(_("What")))
                    yield Select(
                        [(plain(scope_label(scope)), scope) for scope in SCOPES],
                        value="synthese",
                        allow_blank=False,
                        compact=True,
                        id="export-scope",
                    )
                    yield Label(plain(_("Format")))
                    yield Select(
                        [(plain(format_label(fmt)), fmt) for fmt in FORMATS],
                        value="md",
                        allow_blank=False,
                        compact=True,
                        id="export-format",
                    )
                    yield Label(plain(_("For")))
                    yield Select(
                        [(plain(recipient_label(who)), who) for who in RECIPIENTS],
                        value="self",
                        allow_blank=False,
                        compact=True,
                        id="export-recipient",
                    )
                    yield Checkbox(
                        plain(_("Include private answers")), compact=True, id="export-private"
                    )
                    yield Static("", id="export-content", classes="export-note")
                    yield Label(plain(_("Save in")))
                    yield Input(str(self._start_folder()), compact=True, id="export-folder")
                    yield Static("", id="export-consents", classes="export-note")
                # Out of the scrolling part: the file's name and the button stay in view
                # however long the list of what a copy holds (80x24).
                with Vertical(id="export-actions"):
                    yield Static("", id="export-file", classes="export-note")
                    yield Button(plain(_("Write the file")), compact=True, id="export-write")
            with Vertical(id="export-preview-box"):
                yield PreviewLines(plain(_("Preparing the preview…")), id="export-preview")
                yield TextArea("", read_only=True, id="export-json")
        yield SteadyFooter(show_command_palette=False)

    def _start_folder(self) -> Path:
        """The folder of this workbook's last export, else the documents folder."""
        from bilan_tui.services.person import export_folder

        try:
            return export_folder(self.session) or default_folder()
        except Exception:  # noqa: BLE001 - a preference only: start from the usual folder
            return default_folder()

    def on_mount(self) -> None:
        self.query_one("#export-preview-box").border_title = _("Preview")
        self.query_one("#export-json").display = False
        self.query_one("#export-scope", Select).focus()
        self._show_content()
        self._read_workbook()

    # Reading and rendering -----------------------------------------------------

    def options(self) -> ExportOptions:
        """The choices currently on screen."""
        return ExportOptions(
            scope=str(self.query_one("#export-scope", Select).value),
            format=str(self.query_one("#export-format", Select).value),
            recipient=str(self.query_one("#export-recipient", Select).value),
            include_private=self.query_one("#export-private", Checkbox).value,
        )

    @work(thread=True, exclusive=True, group="export-read", exit_on_error=False)
    def _read_workbook(self) -> None:
        source = with_referential_labels(
            collect(self.session), self.session.data_dir or paths.data_dir()
        )
        self.app.call_from_thread(self._loaded, source)

    def _loaded(self, source: ExportSource) -> None:
        self.source = source
        self._show_consents()
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Render the document for the current choices (in a thread)."""
        if self.source is not None:
            # Leave room for the vertical scrollbar, which appears once the text is long.
            scroll = self.query_one("#export-preview")
            width = max(scroll.content_size.width - scroll.styles.scrollbar_size_vertical, 30)
            self._render_preview(self.source, self.options(), width)

    @work(thread=True, exclusive=True, group="export-render", exit_on_error=False)
    def _render_preview(self, source: ExportSource, options: ExportOptions, width: int) -> None:
        note = _("There is no homework to export: import one from the dashboard first.")
        try:
            rendered: Rendered | None = render(source, options)
        except NoHomework:
            rendered = None
        except PdfUnavailable as missing:  # the [pdf] extra is not installed
            rendered, note = None, str(missing)
        lines: Segments | None = None
        rest = ""
        if rendered is None:
            lines = preview_lines(escape_block(note), width)
        elif rendered.markdown:
            head, rest = split_document(rendered.markdown)
            lines = preview_lines(head, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(
                self._show_rendered, options, rendered, lines, (options, rest, width)
            )

    def _show_rendered(
        self,
        options: ExportOptions,
        rendered: Rendered | None,
        lines: Segments | None,
        rest: tuple[ExportOptions, str, int] | None = None,
    ) -> None:
        if options != self.options():
            return  # the choices changed meanwhile: a newer rendering is on its way
        self.rendered = rendered
        self._preview_rest = rest if rest is not None and rest[1] else None
        json_view = self.query_one("#export-json", TextArea)
        markdown_view = self.query_one("#export-preview", PreviewLines)
        json_view.display = rendered is not None and options.format == "json"
        markdown_view.display = not json_view.display
        assert self.source is not None
        name = file_name(self.source, options)
        self.query_one("#export-file", Static).update(
            FileNameText(_("File: {name}").format(name=name))
        )
        self.query_one("#export-write", Button).disabled = rendered is None
        if json_view.display and rendered is not None:
            json_view.load_text(rendered.text)
        elif lines is not None:
            share = 0.0
            if self._preview_rest is not None and rendered is not None:
                rest_size = len(self._preview_rest[1])
                share = rest_size / max(1, len(rendered.markdown) - rest_size)
            markdown_view.show_lines(lines, more=share)
            markdown_view.scroll_home(animate=False)

    @on(PreviewLines.NearEnd)
    def _draw_the_rest(self, event: PreviewLines.NearEnd) -> None:
        """Draw the rest of the document, in a thread, now that it is about to be seen."""
        event.stop()
        if self._preview_rest is not None:
            self._render_rest(*self._preview_rest)

    @work(thread=True, exclusive=True, group="export-rest", exit_on_error=False)
    def _render_rest(self, options: ExportOptions, rest: str, width: int) -> None:
        lines = preview_lines(rest, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_rest, options, rest, lines)

    def _show_rest(self, options: ExportOptions, rest: str, lines: Segments) -> None:
        pending = self._preview_rest
        if pending is None or pending[0] != options or pending[1] != rest:
            return  # another document is shown meanwhile
        self._preview_rest = None
        self.query_one("#export-preview", PreviewLines).append_lines(lines)

    def preview_everything(self) -> None:
        """Draw the rest of the document now (what reading the whole preview needs)."""
        if self._preview_rest is not None:
            options, rest, width = self._preview_rest
            self._show_rest(options, rest, preview_lines(rest, width))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR or not event.worker.group.startswith("export"):
            return
        message = self.session.describe_error(event.worker.error)
        self.query_one("#export-preview", PreviewLines).show_message(plain(message))
        self.notify(message, severity="error", markup=False)

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _choice_changed(self) -> None:
        self._show_content()
        self.refresh_preview()

    def _show_content(self) -> None:
        """What a copy for someone else holds and leaves out, for the chosen recipient."""
        options = self.options()
        lines = content_lines(options) if options.partial else []
        text = "\n".join(lines)
        if text == self._content_text:
            return  # each Select says Changed as it mounts: redrawing lays the screen out
        self._content_text = text
        note = self.query_one("#export-content", Static)
        note.update(plain(text))
        note.display = bool(lines)

    def _show_consents(self) -> None:
        consents = self.source.consents if self.source else ()
        if not consents:
            text = _("You have not shared anything yet.")
        else:
            lines = [_("Shared so far:")]
            for consent in consents:
                day = short_date(consent.date.date(), language()) if consent.date else "?"
                what = f"{scope_short(consent.scope)} ({format_label(consent.format)})"
                lines.append(f"{day} · {recipient_label(consent.recipient)} · {what}")
            text = "\n".join(lines)
        self.query_one("#export-consents", Static).update(plain(text))

    # Writing -------------------------------------------------------------------

    def _target(self) -> Path | None:
        """Where to write (a folder or a new file), or ``None`` after telling why not."""
        text = self.query_one("#export-folder", Input).value.strip()
        target = Path(text).expanduser() if text else default_folder()
        if target.is_dir() or (not target.exists() and target.parent.is_dir()):
            return target
        if target.exists():
            message = _("{path} already exists: choose another name.").format(path=target)
        else:
            message = _("The folder {path} does not exist.").format(path=target.parent)
        self.notify(message, severity="error", markup=False)
        return None

    @on(Button.Pressed, "#export-write")
    def action_write(self) -> None:
        """Write the file; for someone else, ask first."""
        rendered, source, target = self.rendered, self.source, self._target()
        if rendered is None or source is None or target is None:
            return
        if rendered.options != self.options():
            return  # a rendering is still on its way
        if not rendered.options.for_someone_else:
            self._write(rendered, source, target)
            return
        shown = target / file_name(source, rendered.options) if target.is_dir() else target

        conflict = conflict_lines(source, rendered.options.recipient)

        def confirmed(agreed: bool | None) -> None:
            if agreed:
                self._write(rendered, source, target)

        def answered(agreed: bool | None) -> None:
            if agreed and conflict:
                self.app.push_screen(
                    ConfirmShare(
                        conflict,
                        title=_("Not in your modalités"),
                        agree=_("I still agree"),
                        id="confirm-share-again",
                    ),
                    confirmed,
                )
            else:
                confirmed(agreed)

        self.app.push_screen(ConfirmShare(describe(rendered.options, shown)), answered)

    def _write(self, rendered: Rendered, source: ExportSource, target: Path) -> None:
        session = self.session

        def consent(path: Path) -> None:
            session.record_consent(consent_for(rendered.options, path.resolve()))

        # The consent is recorded before the copy holds a byte (#21.11).
        before = consent if rendered.options.for_someone_else else None
        try:
            written = write(rendered, source, target, before).resolve()
        except ExportExists:
            message = _("{path} already exists: choose another name.").format(path=target)
            self.notify(message, severity="error", markup=False)
            return
        except Exception as error:  # noqa: BLE001 - no consent recorded: no file either
            self.notify(self.session.describe_error(error), severity="error", markup=False)
            return
        if rendered.options.for_someone_else:
            self._read_workbook()
        from bilan_tui.services.person import remember_export_folder

        with contextlib.suppress(Exception):  # the file is written; the folder is a convenience
            remember_export_folder(self.session, written)
        self.notify(_("Written: {path}").format(path=written), markup=False, timeout=8)

    def action_back(self) -> None:
        """Back to the dashboard."""
        self.dismiss(None)
