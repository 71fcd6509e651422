"""What the PDF and DOCX writers share: the blocks, the title block, the footer.

A printed document opens with a title block (whose bilan it is, the period,
the consultant and their organisation when known, the date it was written)
and carries "Confidentiel — document personnel" and the page number at the
foot of every page. The title and its first lines come from the document
itself (``common.title_block``); the period and the consultant are read from
the ``modalites`` exercise, private fields filtered as everywhere else.
French documents get French spacing here, once, for both writers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .blocks import BREAK, Block, Heading, Line, ListBlock, Paragraph, Run, Table, read_blocks
from .french_typography import typeset_french
from .options import ExportOptions
from .source import ExportSource
from .values import Reader
from .wording import Wording

FOOTER = {"fr": "Confidentiel — document personnel", "en": "Confidential — personal document"}
"""The line at the foot of every page, in the document's language."""


@dataclass(frozen=True, slots=True)
class Typeset:
    """A document ready for a page-based writer.

    Attributes:
        language: ``fr`` or ``en``.
        title: The document's title (its first heading).
        head: The lines of the title block under the title.
        body: Every block after the title block.
        footer: The confidentiality line of the page footer.
        metadata_title: The title the file's properties carry.
    """

    language: str
    title: str
    head: tuple[Line, ...]
    body: tuple[Block, ...]
    footer: str
    metadata_title: str


def _lines(runs: Line) -> list[Line]:
    """A paragraph's runs cut at its line breaks."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        if run.text == BREAK:
            lines.append([])
        else:
            lines[-1].append(run)
    return [tuple(line) for line in lines if line]


def _facts(source: ExportSource, options: ExportOptions, words: Wording) -> list[Line]:
    """The period and the consultant, as ``label : value`` lines, when known."""
    exercise = source.pack.exercise("modalites")
    reader = Reader(exercise, source.exercise_answers("modalites"), words, options.include_private)
    summary = source.ledger_summary()
    start = reader.text("date_debut") or (
        words.date(summary.first_date) if summary.first_date else None
    )
    end = reader.text("date_fin") or (words.date(summary.last_date) if summary.last_date else None)
    period = None
    if start and end:
        period = words("from_to", start=start, end=end)
    elif start:
        period = words("since", start=start)
    who = " — ".join(part for part in (reader.text("consultant"), reader.text("organisme")) if part)
    colon = words.colon()
    return [
        (Run(label, strong=True), Run(colon + value))
        for label, value in ((words("period"), period), (words("consultant"), who))
        if value
    ]


def _french(block: Block) -> Block:
    """A block with French spacing in every run."""

    def line(runs: Line) -> Line:
        return tuple(replace(run, text=typeset_french(run.text)) for run in runs)

    if isinstance(block, (Heading, Paragraph)):
        return replace(block, runs=line(block.runs))
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(line(item) for item in block.items))
    if isinstance(block, Table):
        return Table(
            tuple(line(cell) for cell in block.header),
            tuple(tuple(line(cell) for cell in row) for row in block.rows),
        )
    raise TypeError(block)


def prepare(
    markdown: str, source: ExportSource, options: ExportOptions, metadata_title: str
) -> Typeset:
    """The document written by this package, read into blocks with its title block.

    Args:
        markdown: The document (``api.render`` wrote it for this scope).
        source: The workbook's snapshot (for the period and the consultant).
        options: The export request (privacy).
        metadata_title: The title with whose bilan it is, for the file's properties.
    """
    words = Wording(source.language)
    blocks = read_blocks(markdown)
    if words.language == "fr":
        blocks = [_french(block) for block in blocks]
    title = ""
    head: list[Line] = []
    first = blocks[0] if blocks else None
    if isinstance(first, Heading) and first.level == 1:
        title = "".join(run.text for run in first.runs)
        del blocks[0]
        second = blocks[0] if blocks else None
        if isinstance(second, Paragraph) and all(
            run.emphasis or run.text == BREAK for run in second.runs
        ):
            head = _lines(second.runs)
            del blocks[0]
    facts = _facts(source, options, words)
    if words.language == "fr":
        facts = [tuple(replace(run, text=typeset_french(run.text)) for run in f) for f in facts]
    head[1:1] = facts
    return Typeset(
        language=words.language,
        title=title,
        head=tuple(head),
        body=tuple(blocks),
        footer=FOOTER[words.language],
        metadata_title=metadata_title,
    )
