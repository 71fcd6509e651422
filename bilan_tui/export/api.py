"""Producing an export: the document for a scope, in a format, and writing it.

``render`` is pure (an :class:`ExportSource` in, text out), so the preview on
screen and the file on disk are the same document. ``write`` puts it in a new
0600 file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.records import Homework

from .detail import detail_markdown, homework_exercises, homework_journal, homework_markdown
from .documents import PAGE_FORMATS, page_document
from .evaluation import evaluation_markdown
from .files import default_name, write_new, write_numbered
from .french_typography import typeset_french
from .options import ExportOptions
from .privacy import shareable
from .source import ExportSource
from .synthese import synthesis_markdown, synthesis_sections
from .synthese_voices import title_key
from .wording import Wording

TITLE_KEYS = {
    "synthese": "synthesis_title",
    "detail": "detail_title",
    "homework": "homework_title",
    "suivi": "follow_up_report_title",
    "evaluation": "evaluation_title",
}


class NoHomework(LookupError):
    """The homework scope was asked for, and there is no such assignment."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """An export ready to write.

    Attributes:
        options: What was asked for.
        text: The file's content, in the requested format.
        markdown: The document as Markdown, for the preview ("" for JSON,
            whose preview is the text itself).
        title: The document's title, with whose bilan it is.
        data: The file's bytes for the page formats (PDF, DOCX), which
            ``text`` (then empty) cannot hold.
    """

    options: ExportOptions
    text: str
    markdown: str
    title: str
    data: bytes | None = None


def pick_homework(source: ExportSource, homework_id: int | None) -> Homework:
    """The assignment to export: the one asked for, else the latest imported.

    Raises:
        NoHomework: none was imported, or none has this id.
    """
    if not source.homework:
        raise NoHomework("no homework has been imported")
    if homework_id is None:
        return max(
            source.homework,
            key=lambda item: (item.imported_at is not None, item.imported_at, item.id or 0),
        )
    for homework in source.homework:
        if homework.id == homework_id:
            return homework
    raise NoHomework(f"no homework with id {homework_id}")


def render(source: ExportSource, options: ExportOptions) -> Rendered:
    """The document for ``options.scope`` in ``options.format``.

    The document reads the workbook through :func:`shareable`: what is
    private, and everything computed from it, is gone before any section is
    written, unless the person included it.

    Raises:
        NoHomework: the homework scope without a matching assignment.
        PdfUnavailable: a PDF was asked for and ``typst`` is not installed.
    """
    source = shareable(source, options)
    words = Wording(source.language)
    key = TITLE_KEYS[options.scope]
    if options.scope == "synthese":
        key = title_key(source, options.include_private)
    title = words(key)
    if source.name:
        title += f" — {source.name}"
    homework = pick_homework(source, options.homework_id) if options.scope == "homework" else None
    if options.format == "json":
        from .json_export import json_document

        text = json_document(
            source,
            options,
            exercises=homework_exercises(source, homework.exercises) if homework else None,
            sections=synthesis_sections(source, options) if options.scope == "synthese" else (),
            journal=homework_journal(source, homework) if homework else None,
        )
        return Rendered(options, text, "", title)
    if homework is not None:
        markdown = homework_markdown(source, options, homework)
    elif options.scope == "suivi":
        from .follow_up import follow_up_markdown

        markdown = follow_up_markdown(source, options)
    elif options.scope == "detail":
        markdown = detail_markdown(source, options)
    elif options.scope == "evaluation":
        markdown = evaluation_markdown(source, options)
    else:
        markdown = synthesis_markdown(source, options)
    if source.language == "fr":
        markdown = typeset_french(markdown)
    if options.format == "md":
        return Rendered(options, markdown, markdown, title)
    if options.format in PAGE_FORMATS:
        data = page_document(markdown, source, options, title)
        return Rendered(options, "", markdown, title, data)
    from .html import to_html

    return Rendered(
        options, to_html(markdown, title=title, language=source.language), markdown, title
    )


def file_name(source: ExportSource, options: ExportOptions) -> str:
    """The name an export gets when the person does not choose one."""
    workbook = "" if source.workbook_name == "default" else source.workbook_name  # not a name
    return default_name(
        workbook,
        options.scope,
        options.recipient,
        options.date,
        options.extension,
        source.language,
    )


def write(
    rendered: Rendered,
    source: ExportSource,
    target: Path,
    before: Callable[[Path], object] | None = None,
) -> Path:
    """Write the export into a new file and return its path.

    Args:
        rendered: The export.
        source: The snapshot it was made from (for the default name).
        target: A folder (the default name is used, numbered if taken) or
            a file name, which must not exist.
        before: Called with the file's path once its name is taken and
            before its content is written (the consent is recorded there);
            if it raises, nothing is left behind.

    Raises:
        ExportExists: ``target`` is an existing file; nothing was written.
    """
    content = rendered.data if rendered.data is not None else rendered.text
    if target.is_dir():
        return write_numbered(target, file_name(source, rendered.options), content, before)
    return write_new(target, content, before)
